package com.betterfleet.access.accesspolicy.security;

import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.PolicyBody;
import com.betterfleet.access.accesspolicy.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Tenancy without an existence oracle: on the routes that need a policy (GET and DELETE policy,
 * PUT and DELETE override), another account's charger answers exactly what a charger nobody has
 * answers (status, type, title, detail with the id), so the problem type cannot tell an intruder
 * that a charger id is in use.
 */
@QuarkusTest
class ChargerExistenceLeakTest {
    private static final String OWNER = "acc-leak-owner";
    private static final String INTRUDER = "acc-leak-intruder";

    /** One route: a name and how to call it with a token for a charger. */
    record Route(String name, BiFunction<String, String, ExtractableResponse<Response>> call) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET access-policy", (token, charger) -> Api.as(token)
                    .get(Api.BASE + charger + "/access-policy").then().extract()),
            new Route("DELETE access-policy", (token, charger) -> Api.as(token)
                    .delete(Api.BASE + charger + "/access-policy").then().extract()),
            new Route("PUT access-override", (token, charger) -> Api.as(token).contentType(ContentType.JSON)
                    .body(Map.of("mode", "freevend", "until", "2099-01-01T00:00:00Z"))
                    .put(Api.BASE + charger + "/access-override").then().extract()),
            new Route("DELETE access-override", (token, charger) -> Api.as(token)
                    .delete(Api.BASE + charger + "/access-override").then().extract()));

    @Test
    void anotherAccountsChargerWithAPolicyAnswersAsAChargerNobodyHas() {
        String charger = Api.newChargerId("leak-policy");
        Api.putPolicy(Tokens.adminOf(OWNER), charger, PolicyBody.policyOf(OWNER)).statusCode(201);

        assertIndistinguishable(charger);
        // nothing changed for the owner
        Api.as(Tokens.viewerOf(OWNER)).get(Api.BASE + charger + "/access-policy").then().statusCode(200);
    }

    @Test
    void anotherAccountsChargerWithOnlyACapabilityAnswersAsAChargerNobodyHas() {
        String charger = Api.newChargerId("leak-capability");
        Api.putCapability(Tokens.adminOf(OWNER), charger, Map.of("protocol", "ocpp1.6", "family", "Zaptec"))
                .statusCode(200);

        assertIndistinguishable(charger);
    }

    @Test
    void anotherAccountsChargerWithADeletedPolicyAnswersAsAChargerNobodyHas() {
        String charger = Api.newChargerId("leak-deleted");
        Api.putPolicy(Tokens.adminOf(OWNER), charger, PolicyBody.policyOf(OWNER)).statusCode(201);
        Api.as(Tokens.adminOf(OWNER)).delete(Api.BASE + charger + "/access-policy").then().statusCode(204);

        assertIndistinguishable(charger);
    }

    @Test
    void machineCallersStillSeeEveryAccountsPolicy() {
        String charger = Api.newChargerId("leak-m2m");
        Api.putPolicy(Tokens.adminOf(OWNER), charger, PolicyBody.policyOf(OWNER)).statusCode(201);
        String machine = Tokens.machine("access-admin", "access-viewer", "access-authoriser");

        Api.as(machine).get(Api.BASE + charger + "/access-policy").then().statusCode(200);
        String unknown = Api.newChargerId("leak-m2m-unknown");
        Api.as(machine).get(Api.BASE + unknown + "/access-policy").then().statusCode(404)
                .body("type", endsWith("/policy-not-found"));
    }

    private static void assertIndistinguishable(String charger) {
        String unknown = Api.newChargerId("leak-unknown");
        for (Route route : ROUTES) {
            String token = route.name().startsWith("GET") ? Tokens.viewerOf(INTRUDER) : Tokens.adminOf(INTRUDER);
            ExtractableResponse<Response> foreign = route.call().apply(token, charger);
            ExtractableResponse<Response> missing = route.call().apply(token, unknown);

            assertEquals(404, missing.statusCode(), route.name());
            assertEquals(missing.statusCode(), foreign.statusCode(), route.name());
            assertEquals(missing.contentType(), foreign.contentType(), route.name());
            assertEquals(missing.path("type"), (Object) foreign.path("type"), route.name());
            assertEquals(missing.path("title"), (Object) foreign.path("title"), route.name());
            assertEquals(missing.path("status"), (Object) foreign.path("status"), route.name());
            String missingDetail = missing.path("detail");
            String foreignDetail = foreign.path("detail");
            assertEquals(missingDetail.replace(unknown, "{chargerId}"), foreignDetail.replace(charger, "{chargerId}"),
                    route.name());
            assertEquals(missing.jsonPath().getMap("").keySet(), foreign.jsonPath().getMap("").keySet(), route.name());
        }
    }
}
