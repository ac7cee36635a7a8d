package com.betterfleet.access.local.testsupport;

import java.util.Map;

import com.betterfleet.access.local.EmbeddedPostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one real PostgreSQL per test JVM and points the service's reactive and JDBC (Flyway)
 * datasources at its own database. Init arg {@code database} names it (default {@code app}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgresServer server;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedPostgresServer pg = server();
        pg.createDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", pg.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        }
        return server;
    }

    @Override
    public void stop() {
        // Kept for the next test profile of this JVM; the shutdown hook stops it.
    }
}
