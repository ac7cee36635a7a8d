package com.betterfleet.access.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole system on one machine: PostgreSQL and the AMQP broker with persistent data under
 * {@code .run}, Keycloak, then the four services, each on free loopback ports. {@link #close()}
 * stops what was started in reverse order, so services never outlive the database and broker.
 */
final class LocalSystem implements AutoCloseable {
    /** A service module, the database it owns and whether it hashes identifiers (needs the pepper). */
    record Module(String name, String database, boolean hashesIdentifiers) {
        Path jar(Path repositoryRoot) {
            return repositoryRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    static final List<Module> MODULES = List.of(
            new Module("access-policy-service", "access_policy", false),
            new Module("mode-apply-service", "mode_apply", false),
            new Module("authorisation-service", "authorisation", true),
            new Module("decision-log-service", "decision_log", true));

    private final Path repositoryRoot;
    private final Path runDirectory;
    private final PrintStream out;
    /** The container engine that runs the services' images (deploy/images), or null to run their jars. */
    private final String imageEngine;
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();
    private final Map<String, ServiceProcess> services = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> problems = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean closed;
    private EmbeddedPostgresServer postgres;
    private EmbeddedAmqpBroker broker;
    private KeycloakServer keycloak;

    /** @param imageEngine e.g. {@code podman}: run each service from its image; null: from its jar */
    LocalSystem(Path repositoryRoot, Path runDirectory, PrintStream out, String imageEngine) {
        this.repositoryRoot = repositoryRoot;
        this.runDirectory = runDirectory;
        this.out = out;
        this.imageEngine = imageEngine;
    }

    /**
     * Starts the infrastructure (a failure there is fatal) and then every service whose jar exists.
     * A service that fails to start is recorded in {@link #problems()}; the others keep running.
     */
    void start() {
        step("PostgreSQL", () -> {
            postgres = EmbeddedPostgresServer.start(postgresDataDirectory(), false); // close() stops it, after the services
            started.push(postgres);
            MODULES.forEach(m -> postgres.createDatabase(m.database()));
        });
        step("AMQP broker", () -> {
            broker = new EmbeddedAmqpBroker(runDirectory.resolve("broker"), FreePort.next()).start();
            started.push(broker);
        });
        step("Keycloak " + KeycloakDistribution.VERSION + " (10-40 s; the first run also downloads and builds it)", () -> {
            keycloak = KeycloakServer.create(runDirectory.resolve("keycloak"), repositoryRoot);
            started.push(keycloak);
            keycloak.start();
        });
        startServices(LocalPepper.load(runDirectory.resolve("pepper")));
    }

    private void startServices(String pepper) {
        List<ServiceProcess> toStart = new ArrayList<>();
        for (Module module : MODULES) {
            Path jar = module.jar(repositoryRoot);
            ServiceProcess.Builder launch;
            if (imageEngine != null) {
                // A missing image fails the start, with the engine's message in the service's log.
                launch = ServiceProcess.forImage(module.name(), ContainerImage.local(imageEngine, module.name()));
            } else if (Files.isRegularFile(jar)) {
                launch = ServiceProcess.forJar(module.name(), jar);
            } else {
                problems.put(module.name(), "skipped: no " + repositoryRoot.relativize(jar)
                        + " (build it with ./mvnw -B -q install -DskipTests)");
                continue;
            }
            toStart.add(launch
                    .environment(ServiceEnvironment.onFreePorts(postgres, module.database(), broker,
                            keycloak.issuerUrl(), module.hashesIdentifiers() ? pepper : null))
                    .logDirectory(logDirectory())
                    .build());
        }
        out.println("Starting " + toStart.size() + " service(s) ...");
        // In parallel: each start is mostly waiting (JVM start, Flyway, broker links).
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, toStart.size()));
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (ServiceProcess service : toStart) {
                started.push(service);
                starts.add(pool.submit(() -> startService(service)));
            }
            for (Future<?> start : starts) {
                start.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the services", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private void startService(ServiceProcess service) {
        if (closed) {
            return;
        }
        long begin = System.nanoTime();
        try {
            service.start();
            services.put(service.name(), service);
            out.printf("  %-22s ready in %.1f s%n", service.name(), (System.nanoTime() - begin) / 1e9);
        } catch (RuntimeException e) {
            problems.put(service.name(), "failed to start: " + firstLine(e.getMessage()) + " (see "
                    + display(service.logFile()) + ")");
            out.printf("  %-22s FAILED: %s%n", service.name(), e.getMessage());
        }
    }

    /** Started services by module name, in start order of {@link #MODULES}. */
    Map<String, ServiceProcess> services() {
        Map<String, ServiceProcess> ordered = new LinkedHashMap<>();
        MODULES.stream().filter(m -> services.containsKey(m.name())).forEach(m -> ordered.put(m.name(), services.get(m.name())));
        return ordered;
    }

    /** Services skipped or failed, with the reason. */
    Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    /** Whether the services run from their container images rather than their jars. */
    boolean runsImages() {
        return imageEngine != null;
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    EmbeddedAmqpBroker broker() {
        return broker;
    }

    Path postgresDataDirectory() {
        return runDirectory.resolve("pg");
    }

    Path logDirectory() {
        return runDirectory.resolve("logs");
    }

    /** A path as the person at the terminal sees it: relative to the repository root. */
    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(repositoryRoot) ? repositoryRoot.relativize(absolute).toString() : absolute.toString();
    }

    /** True once {@link #close()} began: children exiting now are being stopped, not crashing. */
    boolean isClosing() {
        return closed;
    }

    /** Stops everything started, newest first; safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        closed = true;
        AutoCloseable next;
        while ((next = started.poll()) != null) {
            try {
                long begin = System.nanoTime();
                next.close();
                out.printf("  stopped %s in %.1f s%n", next instanceof ServiceProcess s ? s.name() : next.getClass().getSimpleName(),
                        (System.nanoTime() - begin) / 1e9);
            } catch (Exception e) {
                out.println("while stopping: " + e.getMessage());
            }
        }
    }

    private void step(String what, Runnable action) {
        if (closed) {
            throw new IllegalStateException("stopped while starting");
        }
        out.println("Starting " + what + " ...");
        long begin = System.nanoTime();
        action.run();
        out.printf("  ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
