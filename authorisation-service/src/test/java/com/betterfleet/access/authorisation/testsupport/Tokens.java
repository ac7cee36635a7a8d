package com.betterfleet.access.authorisation.testsupport;

import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Real RS256 tokens of the WireMock issuer (OidcWiremockTestResource). */
public final class Tokens {
    private static final String ISSUER = "https://server.example.com";
    private static final String AUDIENCE = "https://service.example.com";

    private Tokens() {
    }

    /** A client-credentials (machine) token: no account_id. */
    public static String machine(String... roles) {
        return Jwt.preferredUserName("svc-client").groups(Set.of(roles)).issuer(ISSUER).audience(AUDIENCE).sign();
    }

    /** A human caller of {@code accountId}. */
    public static String human(String accountId, String... roles) {
        return Jwt.preferredUserName("alice").groups(Set.of(roles)).claim("account_id", accountId).issuer(ISSUER)
                .audience(AUDIENCE).sign();
    }

    public static String authoriser() {
        return machine("access-authoriser");
    }

    /** A correctly shaped token signed by an unknown key. */
    public static String forged() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.preferredUserName("mallory").groups(Set.of("access-authoriser", "access-admin", "access-viewer"))
                    .issuer(ISSUER).audience(AUDIENCE).sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
