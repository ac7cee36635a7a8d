package com.betterfleet.access.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole system locally (started by {@code deploy/local/run.sh}).
 *
 * <pre>
 * LocalRun [--repo DIR] [--smoke] [--images]
 * </pre>
 *
 * Without {@code --smoke} it starts everything, prints URLs, log locations and token commands,
 * and runs until Ctrl-C, which stops everything in reverse order. With {@code --smoke} it starts
 * everything, gets a token for {@code charger-gateway} from Keycloak, checks
 * authorisation-service's readiness and that Authorize answers that token with a decision, prints
 * {@code SMOKE OK}, stops and exits 0; any failure, or more than 5 minutes, exits non-zero.
 * With {@code --images} the services run from their container images
 * ({@code localhost/charger-access/<service>:local}, built by deploy/images/build.sh) through
 * podman instead of from their jars; every service must then start.
 */
public final class LocalRun {
    static final Duration SMOKE_BUDGET = Duration.ofMinutes(5);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);
    private static final PrintStream OUT = System.out;

    private LocalRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path repositoryRoot = Path.of(option(args, "--repo", ".")).toAbsolutePath().normalize();
        boolean smoke = List.of(args).contains("--smoke");
        String imageEngine = imageEngine(args);
        if (!Files.isRegularFile(repositoryRoot.resolve("mvnw")) || !Files.isDirectory(repositoryRoot.resolve("deploy/local"))) {
            OUT.println("Not the repository root: " + repositoryRoot + " (run deploy/local/run.sh)");
            System.exit(2);
        }
        if (smoke) {
            startWatchdog();
        }
        LocalSystem system = new LocalSystem(repositoryRoot, repositoryRoot.resolve("deploy/local/.run"), OUT, imageEngine);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("Stopping ...");
            system.close();
            OUT.println("Stopped.");
        }, "local-run-stop"));
        try {
            system.start();
        } catch (RuntimeException e) {
            OUT.println("FAILED to start: " + e.getMessage());
            System.exit(1);
        }
        if (smoke) {
            System.exit(smokeCheck(system) ? 0 : 1);
        }
        new LocalRunReport(system, OUT).print();
        watch(system);
    }

    /**
     * No service failed to start, a token from Keycloak, authorisation-service ready, and Authorize
     * answers that token with a recorded decision (401 would mean the service and Keycloak disagree
     * on issuer or keys).
     */
    static boolean smokeCheck(LocalSystem system) {
        Map<String, String> problems = system.problems();
        problems.forEach((name, problem) -> OUT.println("  " + name + ": " + problem));
        if (problems.values().stream().anyMatch(p -> p.startsWith("failed"))) {
            OUT.println("SMOKE FAILED: a service did not start");
            return false;
        }
        if (system.runsImages()) {
            // No service is skipped from images (a missing one fails its start, above).
            OUT.println("  all " + LocalSystem.MODULES.size() + " services ready from their container images");
        }
        try {
            String token = system.keycloak().clientCredentialsToken("charger-gateway");
            OUT.println("  token for charger-gateway: OK (" + token.length() + " characters)");
            ServiceProcess authorisation = system.services().get("authorisation-service");
            if (authorisation == null) {
                OUT.println("SMOKE OK (authorisation-service not built: its checks were skipped)");
                return true;
            }
            HttpResponse<String> ready = LocalHttp.get(authorisation.managementUrl() + "/q/health/ready", null);
            if (ready.statusCode() != 200) {
                OUT.println("SMOKE FAILED: authorisation-service readiness answered " + ready.statusCode() + ": " + ready.body());
                return false;
            }
            OUT.println("  GET " + authorisation.managementUrl() + "/q/health/ready: OK");
            String tokenCheck = checkTokenAccepted(authorisation, token);
            if (tokenCheck == null) {
                return false;
            }
            OUT.println("  POST /api/v1/authorise: " + tokenCheck);
            OUT.println("SMOKE OK");
            return true;
        } catch (IOException | RuntimeException e) {
            OUT.println("SMOKE FAILED: " + e.getMessage());
            return false;
        }
    }

    /**
     * Whether the service accepts Keycloak's token and decides: without a token 401, with it 200
     * and a decision (an unknown charger: denied). Returns what was found, or null (after printing
     * why) on failure.
     */
    private static String checkTokenAccepted(ServiceProcess authorisation, String token) throws IOException {
        String url = authorisation.httpUrl() + "/api/v1/authorise";
        String body = "{\"chargerId\":\"CP-SMOKE\",\"idToken\":\"04A1B2C3D4\",\"idTokenType\":\"ISO14443\"}";
        HttpResponse<String> withToken = LocalHttp.postJson(url, body, token);
        int withoutToken = LocalHttp.postJson(url, body, null).statusCode();
        if (withToken.statusCode() == 401) {
            OUT.println("SMOKE FAILED: authorisation-service rejected Keycloak's token (401): issuer or keys disagree");
            return null;
        }
        if (withToken.statusCode() != 200 || !withToken.body().contains("\"decisionId\"") || withoutToken != 401) {
            OUT.println("SMOKE FAILED: Authorize answered " + withToken.statusCode() + " with the token (" + withToken.body()
                    + ") and " + withoutToken + " without; expected a decision (200) and 401");
            return null;
        }
        return "200 with the token (a recorded decision), 401 without: Keycloak's token accepted";
    }

    /** {@code --images}: podman runs the services' images; absent: null (run the jars). */
    static String imageEngine(String[] args) {
        return List.of(args).contains("--images") ? "podman" : null;
    }

    /** Until Ctrl-C: tells when a service exits by itself (its log says why). */
    private static void watch(LocalSystem system) throws InterruptedException {
        Map<String, ServiceProcess> running = new HashMap<>(system.services());
        while (!system.isClosing()) {
            Thread.sleep(WATCH_INTERVAL.toMillis());
            running.values().removeIf(service -> {
                if (service.isAlive() || system.isClosing()) {
                    return false;
                }
                OUT.println(service.name() + " has exited; see " + system.display(service.logFile()));
                return true;
            });
        }
    }

    /** The smoke run is bounded even if something hangs: exit (which stops everything), then halt. */
    private static void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(SMOKE_BUDGET.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            OUT.println("SMOKE FAILED: not done within " + SMOKE_BUDGET.toMinutes() + " minutes");
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(Duration.ofSeconds(60).toMillis());
                } catch (InterruptedException ignored) {
                    // halting anyway
                }
                Runtime.getRuntime().halt(3);
            }, "smoke-halt");
            halt.setDaemon(true);
            halt.start();
            System.exit(3);
        }, "smoke-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
