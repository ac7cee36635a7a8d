package com.betterfleet.access.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OpenID Connect issuer for cross-service tests and benchmarks: an RSA key made at start,
 * a discovery document and a JWKS on 127.0.0.1, and RS256 tokens minted in-process. The services
 * validate these tokens exactly as they validate Keycloak's (signature, issuer, expiry, roles in
 * {@code groups}). The local run uses Keycloak instead.
 */
public final class LocalTokenIssuer implements AutoCloseable {
    private static final String KEY_ID = "local-issuer-key";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final java.util.concurrent.atomic.AtomicLong keySetRequests = new java.util.concurrent.atomic.AtomicLong();
    private final HttpServer server;
    private final KeyPair keyPair;
    private final String issuer;

    private LocalTokenIssuer(HttpServer server, KeyPair keyPair) {
        this.server = server;
        this.keyPair = keyPair;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/charger-access";
    }

    public static LocalTokenIssuer start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            LocalTokenIssuer issuer = new LocalTokenIssuer(http, keys);
            http.createContext("/realms/charger-access/.well-known/openid-configuration",
                    ex -> issuer.reply(ex, issuer.discovery()));
            http.createContext("/realms/charger-access/protocol/openid-connect/certs",
                    ex -> {
                        issuer.keySetRequests.incrementAndGet();
                        issuer.reply(ex, issuer.jwks());
                    });
            http.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value for {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return issuer;
    }

    /** How often the services fetched the key set: it should be once per service start, not per request. */
    public long keySetRequests() {
        return keySetRequests.get();
    }

    /** A token for a human caller of one account. */
    public String userToken(String subject, String accountId, Collection<String> roles) {
        return token(subject, accountId, roles, Duration.ofHours(1));
    }

    /** A machine (client-credentials) token: no account, works across accounts. */
    public String clientToken(String clientId, Collection<String> roles) {
        return token(clientId, null, roles, Duration.ofHours(1));
    }

    public String token(String subject, String accountId, Collection<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        String groups = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"azp\":\"" + subject
                + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(lifetime).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"groups\":" + groups
                + (accountId == null ? "" : ",\"account_id\":\"" + accountId + "\"") + "}";
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String signingInput = b64(header) + "." + b64(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery() {
        String base = issuer + "/protocol/openid-connect";
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + base + "/certs\",\"token_endpoint\":\"" + base
                + "/token\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private String jwks() {
        RSAPublicKey key = (RSAPublicKey) keyPair.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + unsigned(key.getModulus()) + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}]}";
    }

    private void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return B64.encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
