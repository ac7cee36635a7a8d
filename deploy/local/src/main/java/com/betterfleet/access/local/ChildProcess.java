package com.betterfleet.access.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One child process of the local system (a service or Keycloak): launch with an exact environment,
 * output appended to a log file, wait for readiness, stop gracefully or kill. Shared by
 * {@link ServiceProcess} and {@link KeycloakServer} so both behave the same way.
 */
final class ChildProcess {
    /** Lines of log put in a start failure: enough to show a stack trace, short enough to read. */
    static final int FAILURE_LOG_LINES = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** Tail of the log read for a failure message; a few hundred lines of Quarkus output fit. */
    private static final int TAIL_BYTES = 64 * 1024;
    /**
     * Environment variables kept from the parent. The child otherwise sees only what it is given,
     * as in a container: an inherited QUARKUS_* or JAVA_TOOL_OPTIONS would silently change it.
     */
    private static final List<String> INHERITED_VARIABLES = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR");
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        // A test JVM that fails or a local run that exits must not leave services holding ports.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(c -> c.stop(Duration.ofSeconds(10))),
                "child-process-stop"));
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDirectory;
    private final Path logFile;
    private Process process;

    ChildProcess(String name, List<String> command, Map<String, String> environment, Path workDirectory, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDirectory = workDirectory;
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    /** The operating-system process id while running (setsid execs the command, so it is the command's). */
    synchronized java.util.OptionalLong pid() {
        return process != null && process.isAlive() ? java.util.OptionalLong.of(process.pid()) : java.util.OptionalLong.empty();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Launches the process unless it runs already; does not wait for anything. */
    synchronized void launch() {
        if (isAlive()) {
            return;
        }
        try {
            Files.createDirectories(workDirectory);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(detached(command))
                    .directory(workDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().retainAll(INHERITED_VARIABLES);
            env.putAll(environment);
            process = builder.start();
            RUNNING.add(this);
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch " + name, e);
        }
    }

    /**
     * Waits until {@code ready} answers true. On timeout, or if the process exits first, the process
     * is killed and the exception carries the end of its log, so a test failure shows the cause.
     */
    void awaitReady(BooleanSupplier ready, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with status " + exitValue() + " before " + what
                        + failureDetails());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw new IllegalStateException(name + " was not ready (" + what + ") within " + timeout.toSeconds() + " s"
                        + failureDetails());
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** Waits for a command that runs to completion (a build step); kills it after {@code timeout}. */
    int awaitExit(Duration timeout) {
        Process p;
        synchronized (this) {
            p = process;
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException(name + " did not finish within " + timeout.toMinutes() + " min"
                        + failureDetails());
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        forget(p);
        return p.exitValue();
    }

    /** SIGTERM (Quarkus shuts down gracefully on it), then a forced kill once {@code grace} has passed. */
    void stop(Duration grace) {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            return;
        }
        // Not under the lock while waiting, so a concurrent kill() (crash tests) is never blocked.
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyForcibly(p);
            }
        } catch (InterruptedException e) {
            destroyForcibly(p);
            Thread.currentThread().interrupt();
        }
        forget(p);
    }

    /** Kills at once, as a crash would; descendants too (kc.sh runs java as its child). */
    void kill() {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p != null) {
            destroyForcibly(p);
            forget(p);
        }
    }

    /** The last {@code lines} lines of the log file (all restarts share one file). */
    List<String> logTail(int lines) {
        if (!Files.exists(logFile)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(could not read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    private String failureDetails() {
        return "; log " + logFile.toAbsolutePath() + ", last lines:" + System.lineSeparator()
                + String.join(System.lineSeparator(), logTail(FAILURE_LOG_LINES));
    }

    private synchronized String exitValue() {
        return process == null || process.isAlive() ? "?" : Integer.toString(process.exitValue());
    }

    private synchronized void forget(Process p) {
        if (process == p) {
            RUNNING.remove(this);
        }
    }

    private static void destroyForcibly(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the command in its own session where setsid exists: Ctrl-C in a terminal signals the
     * whole foreground process group, and the local run must stop its children itself, in
     * reverse order (services before the broker and PostgreSQL), not all at once. Without a fork,
     * setsid execs the command, so the process id stays the command's own.
     */
    private static List<String> detached(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
