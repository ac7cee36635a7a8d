package com.betterfleet.access.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {
    @TempDir
    Path logs;

    @Test
    void startsOnceReadyAndKeepsItsPortsAcrossRestart() throws IOException {
        try (ServiceProcess service = fake("fake-restart", Map.of()).build()) {
            service.start();
            assertTrue(service.isAlive());
            assertEquals("127.0.0.1", get(service.httpUrl() + "/env?QUARKUS_HTTP_HOST"));
            String firstPid = get(service.httpUrl() + "/pid");
            int httpPort = service.httpPort();

            service.restart();

            assertTrue(service.isAlive());
            assertEquals(httpPort, service.httpPort());
            assertNotEquals(firstPid, get(service.httpUrl() + "/pid"));
            assertTrue(LocalHttp.answersOk(service.managementUrl() + "/q/health/ready"));
            assertTrue(Files.readString(service.logFile()).contains("fake service stopping gracefully"),
                    "restart stops with SIGTERM, so the service shuts down gracefully");
        }
    }

    @Test
    void childSeesOnlyItsOwnEnvironment() throws IOException {
        try (ServiceProcess service = fake("fake-env", Map.of("SOME_SETTING", "x")).build().start()) {
            assertEquals("x", get(service.httpUrl() + "/env?SOME_SETTING"));
            assertEquals(404, LocalHttp.get(service.httpUrl() + "/env?JAVA_TOOL_OPTIONS", null).statusCode());
            assertEquals(200, LocalHttp.get(service.httpUrl() + "/env?PATH", null).statusCode());
        }
    }

    @Test
    void killEndsTheProcessWithoutAGracefulShutdown() throws IOException {
        ServiceProcess service = fake("fake-kill", Map.of()).build().start();

        service.kill();

        assertFalse(service.isAlive());
        assertFalse(Files.readString(service.logFile()).contains("stopping gracefully"));
        assertFalse(LocalHttp.answersOk(service.managementUrl() + "/q/health/ready"));
        service.start();
        assertTrue(service.isAlive(), "a killed service starts again");
        service.stop();
        assertFalse(service.isAlive());
    }

    @Test
    void failsWithTheEndOfTheLogWhenTheProcessDies() {
        ServiceProcess service = fake("fake-dies", Map.of("FAKE_EXIT_STATUS", "3")).build();

        IllegalStateException failure = assertThrows(IllegalStateException.class, service::start);

        assertTrue(failure.getMessage().contains("exited with status 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("boom line 59"), failure.getMessage());
        assertFalse(failure.getMessage().contains("boom line 15"), "only the last 40 lines");
    }

    @Test
    void failsAndKillsTheProcessWhenNeverReady() {
        ServiceProcess service = fake("fake-never-ready", Map.of("FAKE_NEVER_READY", "1"))
                .startTimeout(Duration.ofSeconds(2))
                .build();

        IllegalStateException failure = assertThrows(IllegalStateException.class, service::start);

        assertTrue(failure.getMessage().contains("was not ready"), failure.getMessage());
        assertTrue(failure.getMessage().contains("fake service ready"), "the log tail is in the message");
        assertFalse(service.isAlive());
    }

    @Test
    void refusesAMissingJarWithTheBuildCommand() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> ServiceProcess.forJar("missing", logs.resolve("quarkus-run.jar")).environment(Map.of()).build());
        assertTrue(failure.getMessage().contains("install -DskipTests"), failure.getMessage());
    }

    private ServiceProcess.Builder fake(String name, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                ServiceEnvironment.HTTP_HOST, "127.0.0.1",
                ServiceEnvironment.HTTP_PORT, Integer.toString(FreePort.next()),
                ServiceEnvironment.MANAGEMENT_HOST, "127.0.0.1",
                ServiceEnvironment.MANAGEMENT_PORT, Integer.toString(FreePort.next())));
        env.putAll(extra);
        return ServiceProcess.forMainClass(name, testClasses(), FakeService.class.getName())
                .environment(env)
                .heap("-Xmx32m")
                .jvmOptions("-XX:TieredStopAtLevel=1", "-Xshare:auto")
                .logDirectory(logs);
    }

    private static String testClasses() {
        try {
            return Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(String url) throws IOException {
        var response = LocalHttp.get(url, null);
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }
}
