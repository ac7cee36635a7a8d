package com.betterfleet.access.local;

import java.io.PrintStream;
import java.util.Map;

/**
 * What the local run prints once it is up: where each service listens, where the logs are, and
 * for each Keycloak client a ready-to-paste token request and an example call with that token.
 */
final class LocalRunReport {
    private final LocalSystem system;
    private final PrintStream out;

    LocalRunReport(LocalSystem system, PrintStream out) {
        this.system = system;
        this.out = out;
    }

    void print() {
        KeycloakServer keycloak = system.keycloak();
        out.println();
        out.println("Charger access is running on this machine.");
        out.println();
        out.printf("  %-22s %-24s %s%n", "service", "API (/api/v1/...)", "health / metrics");
        system.services().forEach((name, service) -> out.printf("  %-22s %-24s %s/q/health/ready  /q/metrics%n",
                name, service.httpUrl(), service.managementUrl()));
        system.problems().forEach((name, problem) -> out.printf("  %-22s %s%n", name, problem));
        out.println();
        out.println("  Logs:       " + system.display(system.logDirectory()) + "/<service>.log, Keycloak: "
                + system.display(keycloak.logFile()));
        out.println("  PostgreSQL: 127.0.0.1:" + system.postgres().port() + " (user postgres, password postgres; data in "
                + system.display(system.postgresDataDirectory()) + ")");
        out.println("  AMQP 1.0:   127.0.0.1:" + system.broker().port());
        out.println("  Keycloak:   " + keycloak.adminConsoleUrl() + " (user " + keycloak.adminUser()
                + ", password and client secrets in " + system.display(keycloak.credentialsFile()) + ")");
        out.println("  Issuer:     " + keycloak.issuerUrl());
        out.println();
        out.println("Tokens (client credentials, valid 15 minutes; secrets change at every start):");
        for (OidcClient client : keycloak.clients()) {
            printClient(keycloak, client);
        }
        out.println();
        out.println("Press Ctrl-C to stop everything.");
    }

    private void printClient(KeycloakServer keycloak, OidcClient client) {
        String tokenRequest = "curl -s -d grant_type=client_credentials -d client_id=" + client.clientId()
                + " -d client_secret=" + client.secret() + " " + keycloak.tokenUrl();
        out.println();
        out.println("  " + client.clientId() + " (" + String.join(", ", client.roles())
                + client.account().map(a -> "; account " + a).orElse("; any account, machine caller") + ")");
        out.println("    " + tokenRequest);
        out.println("    TOKEN=$(" + tokenRequest + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("    " + exampleCall(client.clientId()));
    }

    /** One call each client is for, so a newcomer sees a real request with a real token. */
    private String exampleCall(String clientId) {
        Map<String, ServiceProcess> services = system.services();
        String bearer = "curl -s -H \"Authorization: Bearer $TOKEN\" ";
        String json = "-H 'Content-Type: application/json' ";
        return switch (clientId) {
            case "manage-operator" -> bearer + quoted(url(services, "access-policy-service") + "/api/v1/chargers/CP-1/access-policy");
            case "ops-viewer" -> bearer + quoted(url(services, "decision-log-service") + "/api/v1/access-decisions?limit=10");
            case "charger-gateway" -> bearer + json + "-d '{\"chargerId\":\"CP-1\",\"idToken\":\"04A1B2C3D4\","
                    + "\"idTokenType\":\"ISO14443\"}' " + quoted(url(services, "authorisation-service") + "/api/v1/authorise");
            case "core-identifier-sync" -> bearer + json + "-d '[{\"op\":\"upsert\",\"accountId\":\"acc-demo\","
                    + "\"idToken\":\"04A1B2C3D4\",\"idTokenType\":\"ISO14443\",\"accessClass\":\"own_fleet\","
                    + "\"status\":\"active\"}]' " + quoted(url(services, "authorisation-service") + "/api/v1/identifiers:batch");
            default -> "";
        };
    }

    /** Quoted, so {@code ?} and {@code &} paste safely into any shell. */
    private static String quoted(String url) {
        return "'" + url + "'";
    }

    private static String url(Map<String, ServiceProcess> services, String name) {
        ServiceProcess service = services.get(name);
        return service == null ? "<" + name + " is not running>" : service.httpUrl();
    }
}
