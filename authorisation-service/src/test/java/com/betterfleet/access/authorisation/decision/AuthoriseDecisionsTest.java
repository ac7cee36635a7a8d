package com.betterfleet.access.authorisation.decision;

import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.capabilityChanged;
import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.expectedModeChanged;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Broker;
import com.betterfleet.access.authorisation.testsupport.ChargerStates;
import com.betterfleet.access.authorisation.testsupport.Database;
import com.betterfleet.access.authorisation.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The decision table end to end: real tokens, real events on the broker, real PostgreSQL. */
@QuarkusTest
class AuthoriseDecisionsTest {
    @Inject
    ReplicaState state;

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    private double unknownChargerDecisions() {
        return meters.get("authorisation.decisions.unknown.charger").counter().count();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private void managed(String chargerId, String accountId, Instant until) {
        var event = expectedModeChanged(chargerId, accountId, "managed_access", 1, Instant.now().minusSeconds(60));
        if (until != null) {
            event.until(until);
        }
        ChargerStates.publishAndAwait(state, chargerId, event.json(),
                s -> s.expectedMode() != null && s.expectedMode().mode() == AccessMode.MANAGED_ACCESS);
    }

    private void freevend(String chargerId, String accountId) {
        ChargerStates.publishAndAwait(state, chargerId,
                expectedModeChanged(chargerId, accountId, "freevend", 1, Instant.now().minusSeconds(60)).json(),
                s -> s.expectedMode() != null && s.expectedMode().mode() == AccessMode.FREEVEND);
    }

    @Test
    void acceptsOwnFleetTagDuringManagedAccessAndStoresOnlyItsMask() {
        Broker.consumeDecisions();
        String charger = unique("CP");
        String rawTag = unique("OWNTAG");
        Instant end = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        managed(charger, "acc-A", end);
        Api.register(List.of(IdentifierItemBuilder.ownFleet("acc-A", rawTag).type("Local").map()));

        ExtractableResponse<Response> answer = Api.authorise(charger, rawTag, null).statusCode(200)
                .body("status", equalTo("Accepted"))
                .body("reason", equalTo("own_fleet"))
                .body("decision", equalTo("allowed"))
                .body("accessMode", equalTo("managed_access"))
                .body("expiryDate", equalTo(end.toString()))
                .body("decisionId", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .extract();

        String decisionId = answer.path("decisionId");
        String masked = "Local ••••" + rawTag.substring(rawTag.length() - 4);
        JsonNode event = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Broker.decision(decisionId),
                java.util.Objects::nonNull);
        assertEquals(masked, event.at("/data/idMask").asText());
        assertEquals("acc-A", event.at("/data/accountId").asText());
        assertEquals("own_fleet", event.at("/data/accessClass").asText());
        assertEquals(List.of(), Database.columnsContaining(rawTag), "the raw tag is nowhere in the database");
    }

    @Test
    void deniesUnknownTagDuringManagedAccessInBothVocabularies() {
        String charger = unique("CP");
        managed(charger, "acc-A", null);
        Api.authorise(charger, "UNKNOWN-1", "ocpp1.6").statusCode(200)
                .body("status", equalTo("Invalid")).body("reason", equalTo("unknown_identifier"))
                .body("decision", equalTo("denied")).body("expiryDate", nullValue());
        Api.authorise(charger, "UNKNOWN-1", "ocpp2.0.1").statusCode(200)
                .body("status", equalTo("Unknown")).body("reason", equalTo("unknown_identifier"));
    }

    @Test
    void acceptsTheSameUnknownTagDuringFreevend() {
        String charger = unique("CP");
        freevend(charger, "acc-A");
        Api.authorise(charger, "UNKNOWN-1", null).statusCode(200)
                .body("status", equalTo("Accepted")).body("reason", equalTo("freevend"))
                .body("accessMode", equalTo("freevend"));
    }

    @Test
    void answersExpiredForAnAgreementTagPastItsValidity() {
        String charger = unique("CP");
        String tag = unique("AGR");
        managed(charger, "acc-A", null);
        Api.register(List.of(IdentifierItemBuilder.agreement("acc-A", tag, "agr-1").type("Local")
                .validity(Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1))).map()));
        Api.authorise(charger, tag, "ocpp1.6").statusCode(200)
                .body("status", equalTo("Expired")).body("reason", equalTo("stale_agreement"));
        Api.authorise(charger, tag, "ocpp2.0.1").statusCode(200).body("status", equalTo("Expired"));
    }

    /** A charger in managed access of {@code family} (ocpp1.6), as capability_changed reports it. */
    private String managedChargerOf(String family) {
        String charger = unique("CP");
        managed(charger, "acc-A", null);
        ChargerStates.publishAndAwait(state, charger, capabilityChanged(charger, "acc-A", "ocpp1.6", family).json(),
                s -> family.equals(s.family()));
        return charger;
    }

    @Test
    void deniesTheFamilysFreevendTagDuringManagedAccess() {
        Api.authorise(managedChargerOf("MicroOcpp"), "FREEVEND", null).statusCode(200)
                .body("status", equalTo("Invalid")).body("reason", equalTo("freevend_tag_in_managed_access"))
                .body("decision", equalTo("denied"));
    }

    @Test
    void anotherFamilysFreevendTagAtAChargerOfAFamilyWithoutOneIsAnUnknownIdentifier() {
        // MicroOcpp's and Zaptec's tag; Easee has none, so the switch to managed access is not in doubt
        Api.authorise(managedChargerOf("Easee"), "FREEVEND", null).statusCode(200)
                .body("status", equalTo("Invalid")).body("reason", equalTo("unknown_identifier"));
    }

    /** OCPP 2.0.1's standard freevend (AuthCtrlr.Enabled=false) reports its token as NoAuthorization with an empty idToken. */
    @Test
    void noAuthorizationTokenIsAcceptedInFreevendAndDeniedAsTheFreevendTokenInManagedAccess() {
        Broker.consumeDecisions();
        String open = unique("CP");
        freevend(open, "acc-A");
        String decisionId = noAuthorization(open).statusCode(200)
                .body("status", equalTo("Accepted")).body("reason", equalTo("freevend"))
                .extract().path("decisionId");
        JsonNode event = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Broker.decision(decisionId),
                java.util.Objects::nonNull);
        assertEquals("NoAuthorization ••••", event.at("/data/idMask").asText());
        assertEquals("NoAuthorization", event.at("/data/idTokenType").asText());

        String closed = unique("CP");
        managed(closed, "acc-A", null);
        noAuthorization(closed).statusCode(200)
                .body("status", equalTo("Unknown")).body("reason", equalTo("freevend_tag_in_managed_access"))
                .body("decision", equalTo("denied")).body("expiryDate", nullValue());
    }

    private static io.restassured.response.ValidatableResponse noAuthorization(String chargerId) {
        return Api.as(Tokens.authoriser())
                .body(Map.of("chargerId", chargerId, "idToken", "", "idTokenType", "NoAuthorization", "protocol", "ocpp2.0.1"))
                .post("/api/v1/authorise").then();
    }

    @Test
    void usesTheChargersKnownProtocolWhenTheRequestNamesNone() {
        String charger = unique("CP");
        managed(charger, "acc-A", null);
        ChargerStates.publishAndAwait(state, charger, capabilityChanged(charger, "acc-A", "ocpp2.0.1", "Easee").json(),
                s -> s.protocol() != null);
        Api.authorise(charger, "UNKNOWN-2", null).statusCode(200).body("status", equalTo("Unknown"));
        Api.authorise(charger, "X".repeat(30), null).statusCode(200).body("status", equalTo("Unknown"));
    }

    @Test
    void chargerNeverHeardOfIsManagedAccessAndUsesNoAccountsIdentifiers() {
        Broker.consumeDecisions();
        String tag = unique("ANY");
        Api.register(List.of(IdentifierItemBuilder.ownFleet("acc-Z", tag).type("Local").map()));
        double unknownBefore = unknownChargerDecisions();
        String decisionId = Api.authorise(unique("NEW"), tag, null).statusCode(200)
                .body("status", equalTo("Invalid")).body("reason", equalTo("unknown_identifier"))
                .body("accessMode", equalTo("managed_access")).body("expiryDate", nullValue())
                .extract().path("decisionId");
        JsonNode event = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Broker.decision(decisionId),
                java.util.Objects::nonNull);
        assertTrue(event.at("/data/accountId").isNull(), "recorded without account");
        assertTrue(event.at("/data/accessClass").isNull(), "no registration was used");
        assertEquals("none", event.at("/data/policySource").asText());
        assertEquals(unknownBefore + 1, unknownChargerDecisions(), "counted for the alert");
    }

    @Test
    void chargerKnownWithoutPolicyAcceptsItsOwnAccountsIdentifiersOnly() {
        String charger = unique("CP");
        String own = unique("OWN");
        String other = unique("OTHER");
        Api.register(List.of(IdentifierItemBuilder.ownFleet("acc-Y", own).type("Local").map(),
                IdentifierItemBuilder.ownFleet("acc-Z", other).type("Local").map()));
        ChargerStates.publishAndAwait(state, charger, capabilityChanged(charger, "acc-Y", "ocpp1.6", null).json(),
                s -> "acc-Y".equals(s.accountId()));
        double unknownBefore = unknownChargerDecisions();
        Api.authorise(charger, own, null).statusCode(200).body("reason", equalTo("own_fleet"))
                .body("accessMode", equalTo("managed_access"));
        Api.authorise(charger, other, null).statusCode(200).body("reason", equalTo("unknown_identifier"));
        assertEquals(unknownBefore, unknownChargerDecisions(), "a charger known by its capability is not unknown");
    }

    @Test
    void untypedIdTagFindsALowerCaseHexKeyCodeRegistration() {
        Broker.consumeDecisions();
        String charger = unique("CP");
        // Lower-case hex: the idTag rule upper-cases it, a KeyCode registration keeps it as written.
        String keyCode = "ab" + UUID.randomUUID().toString().substring(0, 6).toLowerCase();
        managed(charger, "acc-A", null);
        Api.register(List.of(IdentifierItemBuilder.ownFleet("acc-A", keyCode).type("KeyCode").map()));

        String decisionId = Api.authorise(charger, keyCode, "ocpp1.6").statusCode(200)
                .body("status", equalTo("Accepted")).body("reason", equalTo("own_fleet"))
                .extract().path("decisionId");
        JsonNode event = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Broker.decision(decisionId),
                java.util.Objects::nonNull);
        assertEquals("KeyCode ••••" + keyCode.substring(4), event.at("/data/idMask").asText());
        assertEquals("KeyCode", event.at("/data/idTokenType").asText());
        assertEquals(List.of(), Database.columnsContaining(keyCode), "the raw tag is nowhere in the database");
        // the same letters upper-cased are another key
        Api.authorise(charger, keyCode.toUpperCase(), "ocpp1.6").statusCode(200).body("reason", equalTo("unknown_identifier"));
    }

    @Test
    void expiryDateStaysInTheFutureWhenTheManagedPeriodEndedAndTheNextModeIsLate() {
        String charger = unique("CP");
        String tag = unique("LATE");
        managed(charger, "acc-A", Instant.now().minusSeconds(5));
        Api.register(List.of(IdentifierItemBuilder.ownFleet("acc-A", tag).type("Local").map()));
        String expiry = Api.authorise(charger, tag, null).statusCode(200)
                .body("status", equalTo("Accepted")).body("expiryDate", notNullValue()).extract().path("expiryDate");
        assertTrue(Instant.parse(expiry).isAfter(Instant.now()), expiry);
        assertTrue(Instant.parse(expiry).isBefore(Instant.now().plus(Duration.ofMinutes(6))), expiry);
    }

    @Test
    void compatibilityRouteAnswersTheSameDecisionInSnakeCase() {
        String charger = unique("CP");
        freevend(charger, "acc-A");
        Api.as(Tokens.authoriser()).body(Map.of("charge_point_id", charger, "id_tag", "ANYTHING")).post("/api/transaction/authorise")
                .then().statusCode(200)
                .body("status", equalTo("Accepted")).body("reason", equalTo("freevend"))
                .body("access_mode", equalTo("freevend")).body("decision", equalTo("allowed"))
                .body("decision_id", notNullValue());
    }

    @Test
    void noopBaselineAnswersAFixedBodyAndWritesNothing() {
        long before = Database.count("SELECT count(*) FROM decision_outbox");
        Api.as(Tokens.authoriser()).body(Map.of("chargerId", "CP-NOOP", "idToken", "X")).post("/api/v1/authorise:noop")
                .then().statusCode(200).body("status", equalTo("Accepted"));
        assertTrue(Database.count("SELECT count(*) FROM decision_outbox") <= before);
    }
}
