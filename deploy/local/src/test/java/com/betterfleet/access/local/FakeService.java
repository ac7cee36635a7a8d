package com.betterfleet.access.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a packaged service, launched by {@link ServiceProcessTest} as a child JVM: it
 * binds the ports from the same environment variables and answers the readiness check. Behaviour
 * for failure tests comes from FAKE_EXIT_STATUS (print lines, exit) and FAKE_NEVER_READY (503).
 */
public final class FakeService {
    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String exitStatus = System.getenv("FAKE_EXIT_STATUS");
        if (exitStatus != null) {
            for (int i = 0; i < 60; i++) {
                System.out.println("boom line " + i);
            }
            System.exit(Integer.parseInt(exitStatus));
        }
        boolean ready = System.getenv("FAKE_NEVER_READY") == null;
        HttpServer management = server("QUARKUS_MANAGEMENT_HOST", "QUARKUS_MANAGEMENT_PORT");
        management.createContext("/q/health/ready", ex -> reply(ex, ready ? 200 : 503, ready ? "UP" : "DOWN"));
        HttpServer http = server("QUARKUS_HTTP_HOST", "QUARKUS_HTTP_PORT");
        http.createContext("/env", ex -> {
            String value = System.getenv(ex.getRequestURI().getQuery());
            reply(ex, value == null ? 404 : 200, value == null ? "" : value);
        });
        http.createContext("/pid", ex -> reply(ex, 200, Long.toString(ProcessHandle.current().pid())));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping gracefully")));
        management.start();
        http.start();
        System.out.println("fake service ready");
    }

    private static HttpServer server(String hostVariable, String portVariable) throws IOException {
        return HttpServer.create(new InetSocketAddress(System.getenv(hostVariable),
                Integer.parseInt(System.getenv(portVariable))), 8);
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
