package com.betterfleet.access.local;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak ({@value KeycloakDistribution#VERSION}) for the local run, as a child process
 * on two free loopback ports, with the {@code charger-access} realm of {@link ChargerAccessRealm}.
 *
 * <p>Every start begins with an empty dev-file database and imports the realm with new client
 * secrets: nothing in the local Keycloak is worth keeping, and a realm import never overwrites an
 * existing realm, so reusing the database would keep stale secrets. The secrets and the admin
 * password are written to {@code <runDirectory>/credentials.properties} (owner-only), which lives
 * under the git-ignored deploy/local/.run. Not for unit tests: a start takes 10-40 s.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = ChargerAccessRealm.NAME;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final String ADMIN_USER = "admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakDistribution distribution;
    private final Path runDirectory;
    private final int httpPort;
    private final int managementPort;
    private List<OidcClient> clients = List.of();
    private String adminPassword;
    // Volatile, and stop() not synchronized: Ctrl-C while start() waits must not wait for start().
    private volatile ChildProcess process;

    private KeycloakServer(Path runDirectory, Path repositoryRoot) {
        this.runDirectory = runDirectory.toAbsolutePath();
        this.distribution = new KeycloakDistribution(this.runDirectory, repositoryRoot);
        this.httpPort = FreePort.next();
        int management = FreePort.next();
        while (management == httpPort) {
            management = FreePort.next();
        }
        this.managementPort = management;
    }

    /**
     * @param runDirectory git-ignored directory for the distribution, its log and the credentials,
     *        e.g. deploy/local/.run/keycloak
     * @param repositoryRoot the directory holding {@code mvnw}, used to fetch the distribution once
     */
    public static KeycloakServer create(Path runDirectory, Path repositoryRoot) {
        return new KeycloakServer(runDirectory, repositoryRoot);
    }

    /**
     * Fetches, unpacks and builds the distribution if needed, then starts Keycloak and waits until
     * the realm's discovery document answers (it answers 503 while Keycloak boots).
     */
    public synchronized KeycloakServer start() {
        return start(DEFAULT_START_TIMEOUT);
    }

    public synchronized KeycloakServer start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return this;
        }
        Path home = distribution.ensureReady(logFile());
        prepareRealm(home);
        process = new ChildProcess("keycloak", startCommand(), startEnvironment(), runDirectory, logFile());
        process.launch();
        process.awaitReady(() -> LocalHttp.answersOk(discoveryUrl()), timeout, "GET " + discoveryUrl() + " = 200");
        // Imported: the secrets need not stay in a second file.
        LocalFiles.deleteRecursively(importDirectory(home));
        return this;
    }

    public void stop() {
        ChildProcess current = process;
        if (current != null) {
            current.stop(STOP_GRACE);
        }
    }

    public boolean isAlive() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** The value for QUARKUS_OIDC_AUTH_SERVER_URL, e.g. {@code http://127.0.0.1:P/realms/charger-access}. */
    public String issuerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Keycloak's own health, e.g. {@code managementUrl() + "/health/ready"}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String adminConsoleUrl() {
        return baseUrl() + "/admin/";
    }

    public String adminUser() {
        return ADMIN_USER;
    }

    /** The temporary admin's password of this start (also in credentials.properties). */
    public synchronized String adminPassword() {
        return adminPassword;
    }

    /** The realm's clients with this start's secrets; empty before the first start. */
    public synchronized List<OidcClient> clients() {
        return clients;
    }

    public synchronized OidcClient client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no client " + clientId + " (is Keycloak started?)"));
    }

    /** An access token for {@code clientId} by the client-credentials grant. */
    public String clientCredentialsToken(String clientId) {
        OidcClient client = client(clientId);
        try {
            HttpResponse<String> response = LocalHttp.postForm(tokenUrl(), Map.of(
                    "grant_type", "client_credentials",
                    "client_id", client.clientId(),
                    "client_secret", client.secret()));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request for " + clientId + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            JsonNode token = JSON.readTree(response.body()).get("access_token");
            if (token == null) {
                throw new IllegalStateException("token response for " + clientId + " has no access_token");
            }
            return token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("token request for " + clientId + " failed", e);
        }
    }

    public Path logFile() {
        return runDirectory.resolve("keycloak.log");
    }

    public Path credentialsFile() {
        return runDirectory.resolve("credentials.properties");
    }

    /** The JVM for kc.sh and mvnw: the one running this code (Keycloak runs on Java 17). */
    static Map<String, String> javaEnvironment() {
        String javaHome = System.getProperty("java.home");
        return Map.of("JAVA_HOME", javaHome, "JAVA", Path.of(javaHome, "bin", "java").toString());
    }

    private String discoveryUrl() {
        return issuerUrl() + "/.well-known/openid-configuration";
    }

    private List<String> startCommand() {
        List<String> command = new ArrayList<>(List.of(distribution.kcScript().toString(), "start", "--optimized"));
        command.addAll(KeycloakDistribution.BUILD_OPTIONS.stream().filter(o -> o.startsWith("--db")).toList());
        command.addAll(List.of("--cache=local", "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--hostname=" + baseUrl(), "--import-realm"));
        return command;
    }

    private Map<String, String> startEnvironment() {
        Map<String, String> env = new HashMap<>(javaEnvironment());
        // kc.sh uses JAVA_OPTS_KC_HEAP for the heap; C1 only starts faster and uses less memory.
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx256m");
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return env;
    }

    /** New secrets, an empty database and the import file; the credentials file for people. */
    private void prepareRealm(Path home) {
        clients = ChargerAccessRealm.newClients();
        adminPassword = RandomSecret.generate();
        LocalFiles.deleteRecursively(home.resolve("data/h2"));
        Path importDirectory = importDirectory(home);
        LocalFiles.writeOwnerOnly(importDirectory.resolve(REALM + "-realm.json"), ChargerAccessRealm.importJson(clients));
        LocalFiles.writeOwnerOnly(credentialsFile(), credentials());
    }

    private static Path importDirectory(Path home) {
        return home.resolve("data/import");
    }

    private String credentials() {
        Properties properties = new Properties();
        properties.setProperty("keycloak.url", baseUrl());
        properties.setProperty("keycloak.admin.user", ADMIN_USER);
        properties.setProperty("keycloak.admin.password", adminPassword);
        properties.setProperty("token.url", tokenUrl());
        clients.forEach(c -> properties.setProperty("client." + c.clientId() + ".secret", c.secret()));
        var out = new StringWriter();
        try {
            properties.store(out, "Local Keycloak credentials of the current run: generated at start, never commit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
