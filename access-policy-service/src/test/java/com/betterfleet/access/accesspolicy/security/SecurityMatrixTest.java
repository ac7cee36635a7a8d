package com.betterfleet.access.accesspolicy.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.PolicyBody;
import com.betterfleet.access.accesspolicy.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Every endpoint: 401 without a valid token, 403 with the wrong role, 404 for another account's charger. */
@QuarkusTest
class SecurityMatrixTest {
    private static final String OWNER = "acc-owner";
    private static final String OTHER = "acc-intruder";
    private static final String CHARGER = Api.newChargerId("secured");
    private static final String PROBLEM = "application/problem+json";

    /** One endpoint: method, path, body (null for none), and whether it writes. */
    record Endpoint(String method, String path, Object body, boolean write) {
        ValidatableResponse call(RequestSpecification request) {
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            return request.request(method, path).then();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Endpoint> endpoints(String chargerId, String account) {
        String base = Api.BASE + chargerId;
        return List.of(
                new Endpoint("PUT", base + "/access-policy", PolicyBody.policyOf(account).build(), true),
                new Endpoint("DELETE", base + "/access-policy", null, true),
                new Endpoint("PUT", base + "/access-override", Map.of("mode", "freevend", "until", "2099-01-01T00:00:00Z"), true),
                new Endpoint("DELETE", base + "/access-override", null, true),
                new Endpoint("PUT", base + "/capability", Map.of("protocol", "ocpp1.6", "family", "Zaptec"), true),
                new Endpoint("GET", base + "/access-policy", null, false),
                new Endpoint("GET", base + "/access-mode", null, false),
                new Endpoint("GET", base + "/access-schedule", null, false),
                new Endpoint("GET", base + "/capability", null, false),
                new Endpoint("GET", "/api/v1/chargers", null, false));
    }

    private static boolean arranged;

    @BeforeEach
    void ownerHasAPolicyAndCapability() {
        if (arranged) {
            return;
        }
        arranged = true;
        Api.putCapability(Tokens.adminOf(OWNER), CHARGER, Map.of("protocol", "ocpp1.6", "family", "Zaptec")).statusCode(200);
        Api.putPolicy(Tokens.adminOf(OWNER), CHARGER, PolicyBody.policyOf(OWNER)).statusCode(201);
    }

    @Test
    void everyEndpointAnswers401WithoutAValidToken() {
        for (Endpoint endpoint : endpoints(CHARGER, OWNER)) {
            endpoint.call(given()).statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("https://problems.betterfleet.example/charger-access/unauthorized"));
            endpoint.call(given().auth().oauth2(Tokens.expired())).statusCode(401);
            endpoint.call(given().auth().oauth2("not-a-jwt")).statusCode(401);
        }
    }

    @Test
    void everyEndpointAnswers403WithTheWrongRole() {
        String viewer = Tokens.viewerOf(OWNER);
        String authoriserOnly = Tokens.machine("access-authoriser");
        for (Endpoint endpoint : endpoints(CHARGER, OWNER)) {
            endpoint.call(given().auth().oauth2(endpoint.write() ? viewer : authoriserOnly))
                    .statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("https://problems.betterfleet.example/charger-access/forbidden"));
        }
    }

    @Test
    void anotherAccountsChargerIsNotFoundForEveryChargerEndpoint() {
        for (Endpoint endpoint : endpoints(CHARGER, OTHER)) {
            if (endpoint.path().equals("/api/v1/chargers")) {
                continue;
            }
            String token = endpoint.write() ? Tokens.adminOf(OTHER) : Tokens.viewerOf(OTHER);
            endpoint.call(given().auth().oauth2(token)).statusCode(404).contentType(PROBLEM);
        }
        // The owner's data is untouched and visible to the owner.
        Api.as(Tokens.viewerOf(OWNER)).get(Api.BASE + CHARGER + "/access-policy").then().statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void aBodyOrQueryNamingAnotherAccountIsForbidden() {
        Api.putPolicy(Tokens.adminOf(OWNER), Api.newChargerId("mine"), PolicyBody.policyOf(OTHER)).statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/account-forbidden"));
        Api.putCapability(Tokens.adminOf(OWNER), Api.newChargerId("mine"),
                Map.of("accountId", OTHER, "protocol", "ocpp1.6")).statusCode(403);
        Api.as(Tokens.viewerOf(OWNER)).queryParam("accountId", OTHER).get("/api/v1/chargers").then().statusCode(403);
    }

    @Test
    void tokensWithoutAnAccountAndWithoutAMachineRoleSeeNoAccount() {
        String unscoped = Tokens.machine("access-admin", "access-viewer");
        Api.as(unscoped).get(Api.BASE + CHARGER + "/access-policy").then().statusCode(404);
        Api.putPolicy(unscoped, Api.newChargerId("unscoped"), PolicyBody.policyOf(OTHER)).statusCode(403);
    }

    @Test
    void machineCallersWorkAcrossAccountsButCannotMoveACharger() {
        String machine = Tokens.machine("access-admin", "access-viewer", "access-authoriser");
        String charger = Api.newChargerId("m2m");
        Api.putPolicy(machine, charger, PolicyBody.policyOf(OTHER)).statusCode(201);
        Api.as(machine).get(Api.BASE + charger + "/access-policy").then().statusCode(200);
        Api.as(machine).get(Api.BASE + CHARGER + "/access-policy").then().statusCode(200);
        Api.putPolicy(machine, CHARGER, PolicyBody.policyOf(OTHER)).statusCode(409)
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/charger-account-conflict"));
        Api.putCapability(machine, Api.newChargerId("m2m"), Map.of("protocol", "ocpp1.6")).statusCode(400)
                .body("errors[0].field", equalTo("accountId"));
    }

    @Test
    void adminsMayReadAndUnknownChargersAreNotFound() {
        Api.as(Tokens.adminOf(OWNER)).get(Api.BASE + CHARGER + "/access-policy").then().statusCode(200);
        Api.as(Tokens.viewerOf(OWNER)).get(Api.BASE + "never-seen/access-mode").then().statusCode(404)
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/charger-not-found"));
    }
}
