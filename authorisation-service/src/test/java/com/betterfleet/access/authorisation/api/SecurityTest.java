package com.betterfleet.access.authorisation.api;

import static io.restassured.RestAssured.given;
import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.expectedModeChanged;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.ChargerStates;
import com.betterfleet.access.authorisation.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Bearer tokens on every API, the roles of decisions.md section 7, account scoping of human callers. */
@QuarkusTest
class SecurityTest {
    @Inject
    ReplicaState state;
    private static final String AUTHORISE = "{\"chargerId\":\"CP-SEC\",\"idToken\":\"ABC\"}";
    private static final String COMPAT = "{\"charge_point_id\":\"CP-SEC\",\"id_tag\":\"ABC\"}";
    private static final String BATCH = "[" + IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").json() + "]";

    record Endpoint(String method, String path, String body, String role) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/authorise", AUTHORISE, "access-authoriser"),
            new Endpoint("POST", "/api/transaction/authorise", COMPAT, "access-authoriser"),
            new Endpoint("POST", "/api/v1/authorise:noop", AUTHORISE, "access-authoriser"),
            new Endpoint("POST", "/api/v1/identifiers:batch", BATCH, "identifier-sync"),
            new Endpoint("GET", "/api/v1/identifiers", null, "access-viewer"));

    static Stream<Endpoint> endpoints() {
        return ENDPOINTS.stream();
    }

    static Stream<Arguments> wrongRoles() {
        return Stream.of(
                Arguments.of(ENDPOINTS.get(0), "access-viewer"),
                Arguments.of(ENDPOINTS.get(1), "access-admin"),
                Arguments.of(ENDPOINTS.get(2), "identifier-sync"),
                Arguments.of(ENDPOINTS.get(3), "access-viewer"),
                Arguments.of(ENDPOINTS.get(3), "access-authoriser"),
                Arguments.of(ENDPOINTS.get(4), "access-authoriser"),
                Arguments.of(ENDPOINTS.get(4), "identifier-sync"));
    }

    private static io.restassured.response.ValidatableResponse call(Endpoint e, RequestSpecification spec) {
        spec = spec.urlEncodingEnabled(false).contentType(ContentType.JSON);
        if (e.body() != null) {
            spec = spec.body(e.body());
        }
        return spec.request(e.method(), e.path()).then();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void refusesCallsWithoutAToken(Endpoint e) {
        call(e, given()).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void refusesATokenSignedByAnotherKey(Endpoint e) {
        call(e, given().auth().oauth2(Tokens.forged())).statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("wrongRoles")
    void refusesTheWrongRole(Endpoint e, String role) {
        call(e, given().auth().oauth2(Tokens.machine(role))).statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void acceptsTheRightRole(Endpoint e) {
        call(e, given().auth().oauth2(Tokens.machine(e.role()))).statusCode(200);
    }

    @Test
    void accessAdminMayAlsoWriteIdentifiers() {
        Api.as(Tokens.human("acc-A", "access-admin")).body(BATCH).post("/api/v1/identifiers:batch").then()
                .statusCode(200).body("results[0].status", org.hamcrest.Matchers.not(equalTo("rejected")));
    }

    @Test
    void adminTokenWithoutAnAccountWritesNoAccount() {
        Api.batch(Tokens.machine("access-admin"), List.of(IdentifierItemBuilder.ownFleet("acc-B", "04A23F9C").map()))
                .statusCode(200).body("results[0].status", equalTo("rejected"));
    }

    @Test
    void humanOfAccountACannotReadOrWriteAccountB() {
        Api.as(Tokens.human("acc-A", "access-viewer")).get("/api/v1/identifiers?accountId=acc-B").then().statusCode(403);
        Api.batch(Tokens.human("acc-A", "access-admin"), List.of(IdentifierItemBuilder.ownFleet("acc-B", "04A23F9B").map()))
                .statusCode(200).body("results[0].status", equalTo("rejected")).body("results[0].problem.status", equalTo(403));
    }

    private void freevendCharger(String chargerId, String accountId) {
        ChargerStates.publishAndAwait(state, chargerId,
                expectedModeChanged(chargerId, accountId, "freevend", 1, Instant.now().minusSeconds(60)).json(),
                s -> s.expectedMode() != null);
    }

    @Test
    void humanCallerAuthorisesOnlyAtChargersOfItsOwnAccount() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String own = "CP-SEC-A-" + suffix;
        String other = "CP-SEC-B-" + suffix;
        freevendCharger(own, "acc-A");
        freevendCharger(other, "acc-B");
        String human = Tokens.human("acc-A", "access-authoriser");
        Api.as(human).body(Map.of("chargerId", own, "idToken", "ABC")).post("/api/v1/authorise").then()
                .statusCode(200).body("reason", equalTo("freevend"));
        Api.as(human).body(Map.of("charge_point_id", own, "id_tag", "ABC")).post("/api/transaction/authorise").then()
                .statusCode(200).body("reason", equalTo("freevend"));
        // Another account's charger, and one this service has never heard of: not found, on both routes.
        for (String charger : List.of(other, "CP-SEC-NONE-" + suffix)) {
            Api.as(human).body(Map.of("chargerId", charger, "idToken", "ABC")).post("/api/v1/authorise").then()
                    .statusCode(404).contentType("application/problem+json").body("type", endsWith("/not-found"));
            Api.as(human).body(Map.of("charge_point_id", charger, "id_tag", "ABC")).post("/api/transaction/authorise").then()
                    .statusCode(404).contentType("application/problem+json").body("type", endsWith("/not-found"));
        }
        // A machine token (no account_id) works across accounts.
        Api.as(Tokens.authoriser()).body(Map.of("chargerId", other, "idToken", "ABC")).post("/api/v1/authorise").then()
                .statusCode(200).body("reason", equalTo("freevend"));
        Api.as(Tokens.authoriser()).body(Map.of("charge_point_id", other, "id_tag", "ABC"))
                .post("/api/transaction/authorise").then().statusCode(200).body("reason", equalTo("freevend"));
    }

    @Test
    void healthAndMetricsNeedNoTokenOnTheManagementPort() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().port(port).get("/q/health/live").then().statusCode(200);
        given().port(port).get("/q/metrics").then().statusCode(200);
    }
}
