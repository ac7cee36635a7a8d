package com.betterfleet.access.accesspolicy.security;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.PolicyBody;
import com.betterfleet.access.accesspolicy.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Deleting a policy does not give the charger away: the account of the deleted policy (its
 * tombstone) still owns the charger, so another account cannot take it over by writing to it
 * afterwards, while the owner can re-create its policy.
 */
@QuarkusTest
class DeletedPolicyOwnershipTest {
    private static final String OWNER = "acc-tomb-owner";
    private static final String INTRUDER = "acc-tomb-intruder";
    private static final String PROBLEM = "application/problem+json";
    private static final String CHARGER_NOT_FOUND = "https://problems.betterfleet.example/charger-access/charger-not-found";
    private static final String POLICY_NOT_FOUND = "https://problems.betterfleet.example/charger-access/policy-not-found";
    private static final String ACCOUNT_CONFLICT =
            "https://problems.betterfleet.example/charger-access/charger-account-conflict";

    /** A charger whose owner created a policy (no capability) and deleted it again. */
    private static String deletedChargerOf(String account) {
        String charger = Api.newChargerId("tomb");
        Api.putPolicy(Tokens.adminOf(account), charger, PolicyBody.policyOf(account)).statusCode(201);
        Api.as(Tokens.adminOf(account)).delete(Api.BASE + charger + "/access-policy").then().statusCode(204);
        return charger;
    }

    private static ValidatableResponse noPolicy(ValidatableResponse response) {
        return response.statusCode(404).contentType(PROBLEM).body("type", equalTo(POLICY_NOT_FOUND));
    }

    private static ValidatableResponse notFound(ValidatableResponse response) {
        return response.statusCode(404).contentType(PROBLEM).body("type", equalTo(CHARGER_NOT_FOUND));
    }

    @Test
    void anotherAccountCannotCreateAPolicyForADeletedCharger() {
        String charger = deletedChargerOf(OWNER);

        notFound(Api.putPolicy(Tokens.adminOf(INTRUDER), charger, PolicyBody.policyOf(INTRUDER)));
        // If-Match "*" (must exist) does not change the answer either.
        notFound(Api.putPolicy(Tokens.adminOf(INTRUDER), charger, PolicyBody.policyOf(INTRUDER), "*"));

        // Nothing was taken over: the intruder still sees nothing, the owner still sees its charger.
        notFound(Api.as(Tokens.viewerOf(INTRUDER)).get(Api.BASE + charger + "/access-mode").then());
        Api.as(Tokens.viewerOf(OWNER)).get(Api.BASE + charger + "/access-mode").then().statusCode(200)
                .body("source", equalTo("none"));
    }

    @Test
    void anotherAccountCannotClaimADeletedChargerThroughItsCapability() {
        String charger = deletedChargerOf(OWNER);

        notFound(Api.putCapability(Tokens.adminOf(INTRUDER), charger, Map.of("protocol", "ocpp1.6", "family", "Zaptec")));
        // The capability route must not have made the intruder the owner either.
        notFound(Api.putPolicy(Tokens.adminOf(INTRUDER), charger, PolicyBody.policyOf(INTRUDER)));
        Api.as(Tokens.viewerOf(OWNER)).get(Api.BASE + charger + "/capability").then().statusCode(404)
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/capability-not-found"));
    }

    @Test
    void everyOtherWriteOfAnotherAccountToADeletedChargerIsNotFound() {
        String charger = deletedChargerOf(OWNER);
        String intruder = Tokens.adminOf(INTRUDER);
        String base = Api.BASE + charger;

        // Routes that need a policy answer policy-not-found, as for a charger nobody has: a
        // charger-not-found here would reveal that another account has the charger
        // (ChargerExistenceLeakTest).
        noPolicy(Api.as(intruder).delete(base + "/access-policy").then());
        noPolicy(Api.as(intruder).contentType(ContentType.JSON)
                .body(Map.of("mode", "freevend", "until", "2099-01-01T00:00:00Z")).put(base + "/access-override").then());
        noPolicy(Api.as(intruder).delete(base + "/access-override").then());
        noPolicy(Api.as(Tokens.viewerOf(INTRUDER)).get(base + "/access-policy").then());
        // Nothing was changed: the owner's charger is still without policy, at the tombstone's version.
        noPolicy(Api.as(Tokens.viewerOf(OWNER)).get(base + "/access-policy").then());
        Api.putPolicy(Tokens.adminOf(OWNER), charger, PolicyBody.policyOf(OWNER)).statusCode(201)
                .body("version", equalTo(3));
    }

    @Test
    void theOwnerCanRecreateItsPolicyAndTheVersionContinues() {
        String charger = deletedChargerOf(OWNER);

        Api.putCapability(Tokens.adminOf(OWNER), charger, Map.of("protocol", "ocpp1.6", "family", "Zaptec"))
                .statusCode(200).body("accountId", equalTo(OWNER));
        Api.putPolicy(Tokens.adminOf(OWNER), charger, PolicyBody.policyOf(OWNER)).statusCode(201)
                .header("ETag", "\"3\"")
                .body("accountId", equalTo(OWNER))
                .body("version", equalTo(3));
    }

    @Test
    void machineCallersKeepWorkingAcrossAccountsButCannotMoveADeletedCharger() {
        String machine = Tokens.machine("access-admin", "access-viewer", "access-authoriser");
        String charger = deletedChargerOf(OWNER);

        // Moving the charger to another account is refused, as for a charger with a live policy.
        Api.putPolicy(machine, charger, PolicyBody.policyOf(INTRUDER)).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(ACCOUNT_CONFLICT));
        Api.putCapability(machine, charger, Map.of("accountId", INTRUDER, "protocol", "ocpp1.6")).statusCode(409)
                .body("type", equalTo(ACCOUNT_CONFLICT));
        // Without an accountId the capability goes to the charger's (deleted policy's) account.
        Api.putCapability(machine, charger, Map.of("protocol", "ocpp1.6", "family", "Zaptec")).statusCode(200)
                .body("accountId", equalTo(OWNER));
        // For the owning account the machine can re-create the policy.
        Api.putPolicy(machine, charger, PolicyBody.policyOf(OWNER)).statusCode(201).body("accountId", equalTo(OWNER));
    }
}
