package com.betterfleet.access.authorisation.chargerstate;

import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.expectedModeChanged;
import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.policyChanged;
import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.policyDeleted;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Broker;
import com.betterfleet.access.authorisation.testsupport.ChargerStates;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Events published on charger-access.policy drive the decisions, in policy-version order. */
@QuarkusTest
class ChargerStateEventsTest {
    @Inject
    ReplicaState state;

    private static String charger() {
        return "CP-EV-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode recorded(String decisionId) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Broker.decision(decisionId), Objects::nonNull);
    }

    @Test
    void managedToFreevendSwitchDrivesTheDecisions() {
        String cp = charger();
        Instant start = Instant.now().minusSeconds(120);
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "managed_access", 1, start).json(),
                s -> s.expectedMode() != null);
        Api.authorise(cp, "VISITOR-1", null).statusCode(200).body("status", equalTo("Invalid"))
                .body("accessMode", equalTo("managed_access"));

        Instant end = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 1, start.plusSeconds(60))
                .until(end).json(), s -> s.expectedMode().mode() == AccessMode.FREEVEND);
        Api.authorise(cp, "VISITOR-1", null).statusCode(200).body("status", equalTo("Accepted"))
                .body("reason", equalTo("freevend")).body("expiryDate", equalTo(end.toString()));

        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "managed_access", 2, Instant.now()).json(),
                s -> s.expectedMode().mode() == AccessMode.MANAGED_ACCESS);
        Api.authorise(cp, "VISITOR-1", null).statusCode(200).body("reason", equalTo("unknown_identifier"));
    }

    @Test
    void olderPolicyChangedAfterANewerOneIsIgnored() {
        Broker.consumeDecisions();
        String cp = charger();
        ChargerStates.publishAndAwait(state, cp, policyChanged(cp, "acc-A", 3).json(), s -> s.policyVersion() == 3);
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 3, Instant.now().minusSeconds(5))
                .json(), s -> s.expectedMode() != null);

        Broker.publishEvent(policyDeleted(cp, "acc-A", 2).json());
        // A later, newer event marks when the older one has certainly been processed (one queue, one consumer).
        ChargerStates.publishAndAwait(state, cp, policyChanged(cp, "acc-A", 4).json(), s -> s.policyVersion() == 4);
        assertEquals(AccessMode.FREEVEND, state.charger(cp).expectedMode().mode());
        Api.authorise(cp, "VISITOR-2", null).statusCode(200).body("reason", equalTo("freevend"));
    }

    @Test
    void deletedPolicyMeansManagedAccessWithPolicySourceNone() {
        Broker.consumeDecisions();
        String cp = charger();
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 5, Instant.now().minusSeconds(5))
                .json(), s -> s.expectedMode() != null);
        ChargerStates.publishAndAwait(state, cp, policyDeleted(cp, "acc-A", 6).json(), s -> s.policyDeleted());

        String id = Api.authorise(cp, "VISITOR-3", null).statusCode(200).body("accessMode", equalTo("managed_access"))
                .body("reason", equalTo("unknown_identifier")).extract().path("decisionId");
        JsonNode data = recorded(id).get("data");
        assertEquals("none", data.get("policySource").asText());
        assertEquals("acc-A", data.get("accountId").asText());

        Broker.publishEvent(expectedModeChanged(cp, "acc-A", "freevend", 6, Instant.now()).json());
        ChargerStates.publishAndAwait(state, cp, policyChanged(cp, "acc-A", 7).json(), s -> s.policyVersion() == 7);
        Api.authorise(cp, "VISITOR-3", null).statusCode(200).body("accessMode", equalTo("managed_access"));
    }

    @Test
    void invalidEventsAreDroppedAndTheNextOneIsApplied() {
        String cp = charger();
        Broker.publishEvent("{not json");
        Broker.publishEvent(expectedModeChanged(cp, "acc-A", "sometimes", 1, Instant.now()).json());
        Broker.publishEvent(expectedModeChanged("C".repeat(65), "acc-A", "freevend", 1, Instant.now()).json());
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 1, Instant.now().minusSeconds(1))
                .json(), s -> s.expectedMode() != null);
        Api.authorise(cp, "ANY", null).statusCode(200).body("reason", equalTo("freevend"));
    }
}
