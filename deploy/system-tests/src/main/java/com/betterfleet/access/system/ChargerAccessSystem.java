package com.betterfleet.access.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.betterfleet.access.local.EmbeddedAmqpBroker;
import com.betterfleet.access.local.EmbeddedPostgresServer;
import com.betterfleet.access.local.LocalTokenIssuer;
import com.betterfleet.access.local.LogLevels;
import com.betterfleet.access.local.ServiceEnvironment;
import com.betterfleet.access.local.ServiceProcess;

/**
 * The packaged services on real infrastructure: one PostgreSQL server (a database per service), one
 * AMQP broker with a persistent journal, and a token issuer whose RS256 tokens the services verify
 * exactly as they verify Keycloak's. Everything binds to 127.0.0.1 on free ports.
 */
public final class ChargerAccessSystem implements AutoCloseable {
    // Tests run in deploy/system-tests; the benchmark script passes the repository root explicitly.
    private static final Path REPO = Path.of(System.getProperty("charger-access.repo", "../..")).toAbsolutePath().normalize();

    public final EmbeddedPostgresServer postgres;
    public final EmbeddedAmqpBroker broker;
    public final LocalTokenIssuer issuer;
    private final String pepper = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    private final Path logs;
    private final List<ServiceProcess> started = new ArrayList<>();

    public ChargerAccessSystem(String name) throws Exception {
        // a plain JVM: nothing configured logging, and everything would be at TRACE (see LogLevels)
        LogLevels.set("", java.util.logging.Level.INFO);
        logs = Files.createDirectories(Path.of("target", "system-logs", name));
        postgres = EmbeddedPostgresServer.start(null);
        broker = EmbeddedAmqpBroker.temporary("system-broker").start();
        issuer = LocalTokenIssuer.start();
        for (String db : List.of("authorisation", "decision_log", "access_policy", "mode_apply")) {
            postgres.createDatabase(db);
        }
    }

    /** An authorisation-service replica; several may run against the same database. */
    public ServiceProcess authorisation(String replicaName) {
        return launch(replicaName, "authorisation-service", "authorisation", Map.of());
    }

    public ServiceProcess accessPolicy() {
        return launch("access-policy-service", "access-policy-service", "access_policy", Map.of());
    }

    public ServiceProcess decisionLog() {
        return launch("decision-log-service", "decision-log-service", "decision_log", Map.of());
    }

    public ServiceProcess launch(String name, String module, String database, Map<String, String> extraEnv) {
        return launch(name, module, database, extraEnv, UnaryOperator.identity());
    }

    /** As {@link #launch(String, String, String, Map)}, with the process options adjusted last (heap, GC log, start timeout). */
    public ServiceProcess launch(String name, String module, String database, Map<String, String> extraEnv,
            UnaryOperator<ServiceProcess.Builder> adjust) {
        Map<String, String> env = ServiceEnvironment.onFreePorts(postgres, database, broker, issuer.issuer(), pepper);
        env.putAll(extraEnv);
        ServiceProcess process = adjust.apply(ServiceProcess.forJar(name, jar(module))
                .environment(env)
                .heap(System.getProperty("charger-access.service-heap", ServiceProcess.DEFAULT_HEAP))
                // e.g. -Dcharger-access.service-jvm-options=-XX:StartFlightRecording=filename=/tmp/jfr/ to profile
                .jvmOptions(jvmOptions())
                .logDirectory(logs))
                .build()
                .start();
        started.add(process);
        return process;
    }

    private static String[] jvmOptions() {
        String options = System.getProperty("charger-access.service-jvm-options", "").trim();
        return options.isEmpty() ? new String[0] : options.split("\\s+");
    }

    /** The identifier pepper every service of this system hashes with, for a benchmark that seeds hashes itself. */
    public String pepper() {
        return pepper;
    }

    public String authoriserToken() {
        return issuer.clientToken("charger-gateway", List.of("access-authoriser"));
    }

    public String identifierSyncToken() {
        return issuer.clientToken("core-identifier-sync", List.of("identifier-sync"));
    }

    public String adminToken(String accountId) {
        return issuer.userToken("operator-" + accountId, accountId, List.of("access-admin", "access-viewer"));
    }

    public String viewerToken(String accountId) {
        return issuer.userToken("ops-" + accountId, accountId, List.of("access-viewer"));
    }

    private static Path jar(String module) {
        Path jar = REPO.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -B verify builds them)");
        }
        return jar;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        issuer.close();
        broker.close();
        postgres.close();
    }
}
