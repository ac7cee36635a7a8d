package com.betterfleet.access.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables every service is configured through (standard Quarkus names), the
 * same set the Kubernetes ConfigMap {@code <service>-config} and Secret
 * {@code <service>-config-creds} provide. Everything binds to 127.0.0.1.
 */
public final class ServiceEnvironment {
    public static final String HTTP_HOST = "QUARKUS_HTTP_HOST";
    public static final String HTTP_PORT = "QUARKUS_HTTP_PORT";
    public static final String MANAGEMENT_HOST = "QUARKUS_MANAGEMENT_HOST";
    public static final String MANAGEMENT_PORT = "QUARKUS_MANAGEMENT_PORT";
    public static final String REACTIVE_URL = "QUARKUS_DATASOURCE_REACTIVE_URL";
    /** Used by Flyway only. */
    public static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String DB_USERNAME = "QUARKUS_DATASOURCE_USERNAME";
    public static final String DB_PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";
    public static final String AMQP_HOST = "AMQP_HOST";
    public static final String AMQP_PORT = "AMQP_PORT";
    public static final String OIDC_AUTH_SERVER_URL = "QUARKUS_OIDC_AUTH_SERVER_URL";
    /** HMAC key for identifier hashes; authorisation-service and decision-log-service only. */
    public static final String ID_PEPPER = "ACCESS_ID_PEPPER";

    private static final String LOOPBACK = "127.0.0.1";

    private ServiceEnvironment() {
    }

    /**
     * The environment of one service.
     *
     * @param postgres the PostgreSQL server; the database must exist ({@link EmbeddedPostgresServer#createDatabase})
     * @param database the service's own database, e.g. {@code authorisation}
     * @param broker the AMQP broker
     * @param issuerUrl the OIDC issuer, e.g. {@link LocalTokenIssuer#issuer()} or {@link KeycloakServer#issuerUrl()}
     * @param pepper the identifier pepper, or null for services that do not hash identifiers
     * @return a new mutable map, so a test can add or override a setting before launching
     */
    public static Map<String, String> of(EmbeddedPostgresServer postgres, String database, EmbeddedAmqpBroker broker,
            String issuerUrl, String pepper, int httpPort, int managementPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(HTTP_HOST, LOOPBACK);
        env.put(HTTP_PORT, Integer.toString(httpPort));
        env.put(MANAGEMENT_HOST, LOOPBACK);
        env.put(MANAGEMENT_PORT, Integer.toString(managementPort));
        env.put(REACTIVE_URL, postgres.reactiveUrl(database));
        env.put(JDBC_URL, postgres.jdbcUrl(database));
        env.put(DB_USERNAME, EmbeddedPostgresServer.USER);
        env.put(DB_PASSWORD, EmbeddedPostgresServer.PASSWORD);
        env.put(AMQP_HOST, broker.host());
        env.put(AMQP_PORT, Integer.toString(broker.port()));
        env.put(OIDC_AUTH_SERVER_URL, issuerUrl);
        if (pepper != null) {
            env.put(ID_PEPPER, pepper);
        }
        return env;
    }

    /** {@link #of} with two free loopback ports (HTTP, management) chosen now. */
    public static Map<String, String> onFreePorts(EmbeddedPostgresServer postgres, String database,
            EmbeddedAmqpBroker broker, String issuerUrl, String pepper) {
        int httpPort = FreePort.next();
        int managementPort = FreePort.next();
        while (managementPort == httpPort) { // the OS may hand a just-released port out again
            managementPort = FreePort.next();
        }
        return of(postgres, database, broker, issuerUrl, pepper, httpPort, managementPort);
    }
}
