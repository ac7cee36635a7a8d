package com.betterfleet.access.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as a child
 * {@code java} process of this JVM, configured only through its environment, as in Kubernetes.
 *
 * <pre>{@code
 * Map<String, String> env = ServiceEnvironment.onFreePorts(postgres, "authorisation", broker, issuer.issuer(), pepper);
 * try (ServiceProcess authorisation = ServiceProcess.forJar("authorisation-service", jar)
 *         .environment(env)
 *         .logDirectory(Path.of("target", "service-logs"))
 *         .build()
 *         .start()) {                 // returns once GET <management>/q/health/ready answers 200
 *     given().baseUri(authorisation.httpUrl())...;
 *     authorisation.kill();          // a crash
 *     authorisation.start();         // same ports, same database
 * }                                  // close() = stop()
 * }</pre>
 *
 * <p>{@link #forImage} runs the service's container image instead of its jar, through podman (see
 * {@link ContainerImage}); everything below holds for it too, except that the child is podman's
 * client, which passes the environment on to the container, and that stopping or killing it also
 * removes the container.
 *
 * <p>The HTTP and management ports are read from {@code QUARKUS_HTTP_PORT} and
 * {@code QUARKUS_MANAGEMENT_PORT} in the environment (see {@link ServiceEnvironment}), so they stay
 * the same across restarts. Output of every run is appended to {@code <logDirectory>/<name>.log};
 * the log directory is also the working directory, so no stray {@code .env} file is picked up.
 * The child sees only the given environment plus PATH, HOME, USER, LANG, LC_ALL, TZ and TMPDIR.
 * Children still running when this JVM exits are stopped by a shutdown hook.
 */
public final class ServiceProcess implements AutoCloseable {
    public static final String DEFAULT_HEAP = "-Xmx256m";
    /**
     * The collector the services' image runs (deploy/images/Dockerfile.jvm, ADR 0014), so tests,
     * the local run and the benchmarks measure what is deployed. Used unless the JVM options
     * choose another ({@code -XX:+UseG1GC}, say).
     */
    public static final String DEFAULT_GC = "-XX:+UseSerialGC";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
    /** How long {@link #stop()} lets a service drain before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final ChildProcess child;
    private final ContainerImage image;
    private final Map<String, String> environment;
    private final int httpPort;
    private final int managementPort;
    private final Duration startTimeout;

    private ServiceProcess(Builder builder, List<String> command, Map<String, String> processEnvironment) {
        this.environment = Map.copyOf(builder.environment);
        this.image = builder.image;
        this.httpPort = port(environment, ServiceEnvironment.HTTP_PORT);
        this.managementPort = port(environment, ServiceEnvironment.MANAGEMENT_PORT);
        this.startTimeout = builder.startTimeout;
        Path logDirectory = builder.logDirectory.toAbsolutePath();
        this.child = new ChildProcess(builder.name, command, processEnvironment, logDirectory,
                logDirectory.resolve(builder.name + ".log"));
    }

    /** A packaged Quarkus service: {@code java <heap> <jvm options> -jar jar}. */
    public static Builder forJar(String name, Path jar) {
        return new Builder(name, List.of("-jar", jar.toAbsolutePath().toString()), jar);
    }

    /**
     * A service's container image (deploy/images), run by a container engine in the host's network
     * with a read-only root filesystem, as deployment.yaml runs it. The environment reaches the
     * container by name only ({@code -e NAME}), so no value (the pepper, passwords) is on a
     * command line.
     */
    public static Builder forImage(String name, ContainerImage image) {
        Builder builder = new Builder(name, List.of(), null);
        builder.image = Objects.requireNonNull(image);
        return builder;
    }

    /**
     * Any main class on a classpath, e.g. a stand-in for a service or the charger gateway in a
     * test; it must answer GET /q/health/ready on the management port like a service does.
     */
    public static Builder forMainClass(String name, String classpath, String mainClass) {
        return new Builder(name, List.of("-cp", classpath, mainClass), null);
    }

    /**
     * Launches the service unless it runs already and waits until its readiness check answers
     * 200. Fails with the last 40 log lines if the process exits or is not ready in time (it is
     * killed then).
     */
    public ServiceProcess start() {
        if (child.isAlive()) {
            return this;
        }
        child.launch();
        try {
            child.awaitReady(() -> LocalHttp.answersOk(readinessUrl()), startTimeout, "GET " + readinessUrl() + " = 200");
        } catch (RuntimeException e) {
            removeContainer();
            throw e;
        }
        return this;
    }

    /** SIGTERM, up to {@link #STOP_GRACE} for a graceful shutdown, then a forced kill. */
    public void stop() {
        child.stop(STOP_GRACE);
        // After a graceful stop the container is gone already (--rm); after a forced one it is not.
        removeContainer();
    }

    private void removeContainer() {
        if (image != null) {
            image.remove();
        }
    }

    /** Kills the process at once (SIGKILL), to simulate a crash. */
    public void kill() {
        // The engine's client only proxies signals; SIGKILL on it would leave the container running.
        removeContainer();
        child.kill();
    }

    /** {@link #stop()} then {@link #start()}, on the same ports with the same environment. */
    public ServiceProcess restart() {
        stop();
        return start();
    }

    public boolean isAlive() {
        return child.isAlive();
    }

    /** The process id while running, e.g. to pin it to CPUs in a benchmark. */
    public java.util.OptionalLong pid() {
        return child.pid();
    }

    public String name() {
        return child.name();
    }

    /** The public API, e.g. {@code http://127.0.0.1:41234}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Health and metrics: {@code managementUrl() + "/q/health/ready"}, {@code "/q/metrics"}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return child.logFile();
    }

    /** The last lines of the log, e.g. to show in an assertion message. */
    public List<String> logTail(int lines) {
        return child.logTail(lines);
    }

    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
        stop();
    }

    private String readinessUrl() {
        return managementUrl() + "/q/health/ready";
    }

    private static int port(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null) {
            throw new IllegalArgumentException("the environment must set " + variable + " (see ServiceEnvironment)");
        }
        return Integer.parseInt(value);
    }

    /** Options of one service process; {@link #environment(Map)} is required. */
    public static final class Builder {
        private final String name;
        private final List<String> launch;
        private final Path jar;
        private Map<String, String> environment;
        private Path logDirectory = Path.of("target", "service-logs");
        private String heap = DEFAULT_HEAP;
        private final List<String> jvmOptions = new ArrayList<>();
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private ContainerImage image;

        private Builder(String name, List<String> launch, Path jar) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("name becomes a file name, use [A-Za-z0-9._-]: " + name);
            }
            this.name = name;
            this.launch = launch;
            this.jar = jar;
        }

        /** The whole configuration of the service, usually from {@link ServiceEnvironment}. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        /** Where {@code <name>.log} is appended to; default {@code target/service-logs}. */
        public Builder logDirectory(Path logDirectory) {
            this.logDirectory = Objects.requireNonNull(logDirectory);
            return this;
        }

        /** The heap option, default {@value ServiceProcess#DEFAULT_HEAP}. */
        public Builder heap(String heapOption) {
            this.heap = Objects.requireNonNull(heapOption);
            return this;
        }

        /** More JVM options, e.g. {@code -XX:TieredStopAtLevel=1} for a faster start. */
        public Builder jvmOptions(String... options) {
            this.jvmOptions.addAll(List.of(options));
            return this;
        }

        /** How long {@link ServiceProcess#start()} waits for readiness, default 90 s. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        public ServiceProcess build() {
            if (environment == null) {
                throw new IllegalStateException("environment(...) is required");
            }
            if (jar != null && !Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(name + ": no jar at " + jar.toAbsolutePath()
                        + " (build it with ./mvnw -B -q install -DskipTests)");
            }
            List<String> options = new ArrayList<>(jvmOptions);
            if (options.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
                options.add(0, DEFAULT_GC);
            }
            if (image != null) {
                List<String> javaOptions = new ArrayList<>();
                javaOptions.add(heap);
                javaOptions.addAll(options);
                Map<String, String> containerEnvironment = new java.util.HashMap<>(environment);
                containerEnvironment.put("JAVA_TOOL_OPTIONS", String.join(" ", javaOptions));
                return new ServiceProcess(this, image.runCommand(containerEnvironment.keySet()),
                        image.engineEnvironment(containerEnvironment));
            }
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.add(heap);
            command.addAll(options);
            command.addAll(launch);
            return new ServiceProcess(this, command, environment);
        }

        /** The JVM running this code, so services run on the same Java as the tests. */
        private static String javaBinary() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
