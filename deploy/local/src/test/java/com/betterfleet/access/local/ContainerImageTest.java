package com.betterfleet.access.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a service is launched from its image; the image itself is run by .ci/run (run.sh --smoke --images). */
class ContainerImageTest {
    private static final Map<String, String> ENV = Map.of(
            ServiceEnvironment.HTTP_PORT, "41001", ServiceEnvironment.MANAGEMENT_PORT, "41002",
            "ACCESS_ID_PEPPER", "secret-pepper-value", "QUARKUS_DATASOURCE_PASSWORD", "secret-db-password");

    @Test
    void passesTheEnvironmentByNameOnlySoNoSecretIsOnTheCommandLine() {
        List<String> command = ContainerImage.local("podman", "authorisation-service").runCommand(ENV.keySet());
        String line = String.join(" ", command);
        assertFalse(line.contains("secret-pepper-value"), line);
        assertFalse(line.contains("secret-db-password"), line);
        for (String variable : ENV.keySet()) {
            int at = command.indexOf(variable);
            assertTrue(at > 0 && command.get(at - 1).equals("-e"), variable + " passed with -e: " + line);
        }
        assertEquals("localhost/charger-access/authorisation-service:local", command.get(command.size() - 1),
                "the image comes last: everything after it would be the container's arguments");
    }

    @Test
    void runsAsDeploymentYamlDoesInTheHostsNetwork() {
        List<String> command = ContainerImage.local("podman", "decision-log-service").runCommand(Set.of());
        assertEquals(List.of("podman", "run", "--rm"), command.subList(0, 3));
        assertTrue(command.contains("--read-only"), "readOnlyRootFilesystem: true");
        assertTrue(command.contains("--read-only-tmpfs=false"), "no writable /run or /var/tmp the pod would not have");
        assertTrue(command.contains("--cap-drop=ALL"), "capabilities: drop ALL");
        assertTrue(command.contains("--security-opt=no-new-privileges"), "allowPrivilegeEscalation: false");
        assertTrue(command.contains("--network=host"), "the embedded infrastructure listens on the host's 127.0.0.1");
        assertTrue(command.contains("/tmp:rw,size=64m"), "the tmp emptyDir");
    }

    @Test
    void everyLaunchGetsItsOwnContainerName() {
        List<String> first = ContainerImage.local("podman", "mode-apply-service").runCommand(Set.of());
        List<String> second = ContainerImage.local("podman", "mode-apply-service").runCommand(Set.of());
        String firstName = first.get(first.indexOf("--name") + 1);
        assertTrue(firstName.startsWith("mode-apply-service-local-"), firstName);
        assertNotEquals(firstName, second.get(second.indexOf("--name") + 1));
    }

    /** A stand-in engine records what it was given: the values must arrive in its environment. */
    @Test
    void valuesReachTheEngineThroughItsEnvironmentWithTheHeapInJavaToolOptions(@TempDir Path dir) throws Exception {
        Path engine = dir.resolve("fake-engine");
        Files.writeString(engine, "#!/bin/sh\n"
                + "[ \"$1\" = rm ] && echo \"$@\" >> \"" + dir.resolve("removed") + "\" && exit 0\n"
                + "echo \"$@\" > \"" + dir.resolve("args") + "\"\n"
                + "echo \"$JAVA_TOOL_OPTIONS|$ACCESS_ID_PEPPER\" > \"" + dir.resolve("env") + "\"\n"
                + "exit 3\n");
        Files.setPosixFilePermissions(engine, PosixFilePermissions.fromString("rwx------"));
        ServiceProcess service = ServiceProcess.forImage("svc", ContainerImage.local(engine.toString(), "svc"))
                .environment(ENV).heap("-Xmx200m").jvmOptions("-XX:TieredStopAtLevel=1")
                .logDirectory(dir.resolve("logs")).startTimeout(Duration.ofSeconds(20)).build();
        assertEquals(ENV, service.environment(), "the service's own configuration is unchanged");

        IllegalStateException exited = assertThrows(IllegalStateException.class, service::start);
        assertTrue(exited.getMessage().contains("exited with status 3"), exited.getMessage());
        assertEquals("-Xmx200m -XX:+UseSerialGC -XX:TieredStopAtLevel=1|secret-pepper-value", Files.readString(dir.resolve("env")).strip());
        String args = Files.readString(dir.resolve("args"));
        assertTrue(args.contains("-e JAVA_TOOL_OPTIONS"), args);
        assertFalse(args.contains("secret-pepper-value"), args);
        List<String> words = List.of(args.strip().split(" "));
        String name = words.get(words.indexOf("--name") + 1);
        assertEquals("rm --force --time=0 " + name, Files.readString(dir.resolve("removed")).strip(),
                "a start that failed removes its container: the engine's client exiting does not stop it");
    }

    @Test
    void imagesOptionRunsThemWithPodman() {
        assertEquals("podman", LocalRun.imageEngine(new String[] {"--smoke", "--images"}));
        assertNull(LocalRun.imageEngine(new String[] {"--smoke"}));
    }

    @Test
    void theCollectorIsSerialUnlessTheOptionsChooseAnother(@TempDir Path dir) throws Exception {
        Path engine = dir.resolve("fake-engine");
        Files.writeString(engine, "#!/bin/sh\n[ \"$1\" = rm ] && exit 0\necho \"$JAVA_TOOL_OPTIONS\" >> \"" + dir.resolve("env") + "\"\nexit 3\n");
        Files.setPosixFilePermissions(engine, PosixFilePermissions.fromString("rwx------"));
        for (String[] options : List.of(new String[0], new String[] {"-XX:+UseG1GC"})) {
            ServiceProcess service = ServiceProcess.forImage("svc", ContainerImage.local(engine.toString(), "svc"))
                    .environment(ENV).heap("-Xmx64m").jvmOptions(options).logDirectory(dir.resolve("logs"))
                    .startTimeout(Duration.ofSeconds(20)).build();
            assertThrows(IllegalStateException.class, service::start);
        }
        assertEquals(List.of("-Xmx64m -XX:+UseSerialGC", "-Xmx64m -XX:+UseG1GC"), Files.readAllLines(dir.resolve("env")),
                "two collectors would stop the JVM from starting");
    }
}
