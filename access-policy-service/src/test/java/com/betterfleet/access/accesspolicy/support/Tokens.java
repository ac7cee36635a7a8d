package com.betterfleet.access.accesspolicy.support;

import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Real signed tokens from the test issuer (quarkus-test-oidc-server): a human caller carries an
 * {@code account_id} claim, a machine caller has none.
 */
public final class Tokens {
    private static final String ISSUER = "https://server.example.com";
    private static final String AUDIENCE = "https://service.example.com";

    private Tokens() {
    }

    public static String adminOf(String accountId) {
        return human(accountId, "access-admin");
    }

    public static String viewerOf(String accountId) {
        return human(accountId, "access-viewer");
    }

    public static String human(String accountId, String... roles) {
        return Jwt.preferredUserName("alice").subject("alice").groups(Set.of(roles)).claim("account_id", accountId)
                .issuer(ISSUER).audience(AUDIENCE).sign();
    }

    /** A machine caller (no account) with these roles. */
    public static String machine(String... roles) {
        return Jwt.subject("service-account-manage").groups(Set.of(roles)).issuer(ISSUER).audience(AUDIENCE).sign();
    }

    /** Expired an hour ago. */
    public static String expired() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.subject("alice").groups(Set.of("access-admin")).claim("account_id", "acc-A")
                .issuer(ISSUER).audience(AUDIENCE).issuedAt(now - 7200).expiresAt(now - 3600).sign();
    }
}
