package com.betterfleet.access.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Keycloak server distribution, fetched from Maven Central through the Maven wrapper (so the
 * local repository and any mirror settings apply, and a second run needs no network), unpacked into
 * a git-ignored cache directory and built once for the options the local run uses.
 */
final class KeycloakDistribution {
    static final String VERSION = "26.7.3";
    static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":tar.gz";
    /** Build-time options: a file-backed dev database and the health endpoints. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");
    private static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final String BUILT_MARKER = ".charger-access-built";

    private final Path cacheDirectory;
    private final Path repositoryRoot;

    /**
     * @param cacheDirectory where the distribution is unpacked, e.g. deploy/local/.run/keycloak
     * @param repositoryRoot the directory holding {@code mvnw}
     */
    KeycloakDistribution(Path cacheDirectory, Path repositoryRoot) {
        this.cacheDirectory = cacheDirectory.toAbsolutePath();
        this.repositoryRoot = repositoryRoot.toAbsolutePath();
    }

    Path home() {
        return cacheDirectory.resolve("keycloak-" + VERSION);
    }

    Path kcScript() {
        return home().resolve("bin/kc.sh");
    }

    /** Unpacks and builds unless an earlier run did; returns the Keycloak home directory. */
    Path ensureReady(Path logFile) {
        if (!Files.isExecutable(kcScript())) {
            unpack(fetch(logFile), logFile);
        }
        if (!isBuilt()) {
            build(logFile);
        }
        return home();
    }

    private Path fetch(Path logFile) {
        Path tarball = cacheDirectory.resolve("keycloak-quarkus-dist-" + VERSION + ".tar.gz");
        if (!Files.isRegularFile(tarball)) {
            run("fetch Keycloak " + VERSION, List.of(repositoryRoot.resolve("mvnw").toString(), "-B", "-q",
                    DEPENDENCY_PLUGIN + ":copy", "-Dartifact=" + ARTIFACT, "-DoutputDirectory=" + cacheDirectory,
                    "-Dmdep.overWriteIfNewer=true"), KeycloakServer.javaEnvironment(), repositoryRoot, logFile, FETCH_TIMEOUT);
        }
        return tarball;
    }

    /** Unpacks next to the final place, then renames: an interrupted run leaves no half distribution. */
    private void unpack(Path tarball, Path logFile) {
        Path staging = cacheDirectory.resolve("unpacking");
        LocalFiles.deleteRecursively(staging);
        LocalFiles.deleteRecursively(home());
        try {
            Files.createDirectories(staging);
            run("unpack Keycloak", List.of("tar", "-xzf", tarball.toString(), "-C", staging.toString()), Map.of(),
                    cacheDirectory, logFile, FETCH_TIMEOUT);
            Files.move(staging.resolve(home().getFileName()), home());
            LocalFiles.deleteRecursively(staging);
            // The tarball is also in the local Maven repository; 176 MB need not be kept twice.
            Files.delete(tarball);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + tarball, e);
        }
    }

    private void build(Path logFile) {
        List<String> command = new ArrayList<>(List.of(kcScript().toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        run("build Keycloak", command, KeycloakServer.javaEnvironment(), home(), logFile, BUILD_TIMEOUT);
        try {
            Files.writeString(home().resolve(BUILT_MARKER), String.join(" ", BUILD_OPTIONS), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Built for exactly these options; a change of options rebuilds. */
    private boolean isBuilt() {
        Path marker = home().resolve(BUILT_MARKER);
        try {
            return Files.isRegularFile(marker)
                    && Files.readString(marker, StandardCharsets.UTF_8).equals(String.join(" ", BUILD_OPTIONS));
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String what, List<String> command, Map<String, String> env, Path directory, Path logFile,
            Duration timeout) {
        ChildProcess child = new ChildProcess(what, command, env, directory, logFile);
        child.launch();
        int status = child.awaitExit(timeout);
        if (status != 0) {
            throw new IllegalStateException("could not " + what + " (exit status " + status + "); log " + logFile
                    + ", last lines:" + System.lineSeparator()
                    + String.join(System.lineSeparator(), child.logTail(ChildProcess.FAILURE_LOG_LINES)));
        }
    }
}
