package com.betterfleet.access.authorisation.contract;

import static com.betterfleet.access.authorisation.testdata.ChargerStateBuilder.freevendAt;
import static com.betterfleet.access.authorisation.testdata.ChargerStateBuilder.managedAt;
import static com.betterfleet.access.authorisation.testdata.RegisteredIdentifierBuilder.agreement;
import static com.betterfleet.access.authorisation.testdata.RegisteredIdentifierBuilder.ownFleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.betterfleet.access.authorisation.chargerstate.adapter.in.amqp.PolicyEventParser;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerAccess;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.decision.domain.DecisionRecord;
import com.betterfleet.access.authorisation.decision.domain.DecisionTable;
import com.betterfleet.access.authorisation.decision.domain.UuidV7;
import com.betterfleet.access.authorisation.identifier.domain.HashedIdentifier;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierHasher;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierItemValidator;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
import com.betterfleet.access.authorisation.outbox.application.DecisionRecordedEventMapper;
import com.betterfleet.access.authorisation.registry.adapter.in.IdentifierItemReader;
import com.betterfleet.access.authorisation.registry.application.ReceivedItem;
import com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder;
import com.betterfleet.access.authorisation.testdata.PolicyEventBuilder;
import com.betterfleet.access.authorisation.testsupport.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What this service sends (decision_recorded) and samples of what it accepts (policy events,
 * identifier items) against docs/contracts, and agreement between the schemas and our own checks.
 */
public class MessageContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final IdentifierHasher HASHER = new IdentifierHasher("contract-test-pepper");
    private static final Instant NOW = Instant.parse("2030-03-04T10:15:30.123456Z");

    private static String decisionEvent(ChargerState charger, HashedIdentifier presented, OcppProtocol protocol,
            RegisteredIdentifier... registry) {
        DecisionRecord record = new DecisionRecord(UuidV7.of(NOW.toEpochMilli(), 1, 2), NOW, "CP-1", 1, protocol, presented,
                DecisionTable.decide(ChargerAccess.at("CP-1", charger, NOW), false, List.of(registry), NOW));
        return new DecisionRecordedEventMapper(MAPPER).toJson(record);
    }

    /** decision_recorded events as this service sends them, one per scenario (also used for the batch shape). */
    public static Stream<Arguments> sentEvents() {
        HashedIdentifier card = ownFleet().hashed();
        HashedIdentifier unknown = HASHER.hash("FLEET-BUS-0012", null);
        return Stream.of(
                Arguments.of("own fleet accepted with expiryDate",
                        decisionEvent(managedAt(NOW).build(), card, OcppProtocol.OCPP16, ownFleet().build())),
                Arguments.of("unknown tag at a charger without policy (no account)",
                        decisionEvent(null, unknown, OcppProtocol.OCPP201)),
                Arguments.of("freevend", decisionEvent(freevendAt(NOW).untilIn(Duration.ofHours(1)).build(), unknown,
                        OcppProtocol.OCPP16)),
                Arguments.of("freevend past a hand-over, before modeUntil", decisionEvent(freevendAt(NOW)
                        .period(NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)))
                        .modeUntilIn(Duration.ofHours(1)).build(), unknown, OcppProtocol.OCPP16)),
                Arguments.of("stale agreement", decisionEvent(managedAt(NOW).build(), card, OcppProtocol.OCPP201,
                        agreement("agr-7").validUntil(NOW.minusSeconds(1)).build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentEvents")
    void decisionRecordedMatchesTheSchema(String scenario, String json) throws Exception {
        assertEquals("[]", Schemas.violations(Schemas.EVENTS, json).toString());
        JsonNode data = MAPPER.readTree(json).get("data");
        for (String field : List.of("decisionId", "occurredAt", "chargerId", "connectorId", "accountId", "depotId", "protocol",
                "idHash", "idMask", "idTokenType", "accessClass", "vehicleId", "agreementId", "decision", "protocolStatus",
                "reason", "accessMode", "policySource", "windowId", "policyVersion", "expiryDate")) {
            assertTrue(data.has(field), "every field of decisions.md section 6 is present: " + field);
        }
        assertEquals(7, UUID.fromString(data.get("decisionId").asText()).version());
    }

    static Stream<Arguments> acceptedPolicyEvents() {
        Instant at = Instant.parse("2030-03-04T10:00:00Z");
        return Stream.of(
                Arguments.of("policy_changed", PolicyEventBuilder.policyChanged("CP-1", "acc-A", 3).json()),
                Arguments.of("policy_changed deleted", PolicyEventBuilder.policyDeleted("CP-1", "acc-A", 4).json()),
                Arguments.of("expected_mode_changed", PolicyEventBuilder.expectedModeChanged("CP-1", "acc-A", "freevend", 3, at)
                        .until(at.plusSeconds(3600)).json()),
                Arguments.of("expected_mode_changed with modeUntil", PolicyEventBuilder.expectedModeChanged("CP-1", "acc-A",
                        "managed_access", 3, at).until(at.plusSeconds(3600)).modeUntil(at.plusSeconds(10_800)).json()),
                Arguments.of("expected_mode_changed with modeUntil null", PolicyEventBuilder.expectedModeChanged("CP-1",
                        "acc-A", "managed_access", 3, at).until(at.plusSeconds(3600)).modeUntilNone().json()),
                Arguments.of("capability_changed", PolicyEventBuilder.capabilityChanged("CP-1", "acc-A", "ocpp2.0.1", "MicroOcpp")
                        .json()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedPolicyEvents")
    void acceptedPolicyEventSamplesMatchTheSchemaAndAreApplied(String scenario, String json) {
        assertEquals("[]", Schemas.violations(Schemas.EVENTS, json).toString());
        assertTrue(new PolicyEventParser(MAPPER).parse(json).isPresent());
    }

    @Test
    void otherEventTypesOnThePolicyAddressAreSkipped() {
        String json = PolicyEventBuilder.capabilityChanged("CP-1", "acc-A", "ocpp1.6", null).node()
                .put("type", "charger_access.mode_change_requested").toString();
        assertTrue(new PolicyEventParser(MAPPER).parse(json).isEmpty());
    }

    static Stream<Arguments> identifierItems() {
        Instant from = Instant.parse("2030-01-01T00:00:00Z");
        return Stream.of(
                Arguments.of("own fleet upsert", IdentifierItemBuilder.ownFleet("acc-A", "04:A2:3F:9A"), true),
                Arguments.of("agreement with validity", IdentifierItemBuilder.agreement("acc-A", "FLEET-BUS-0012", "agr-1")
                        .type("Local").validity(from, from.plusSeconds(86_400)), true),
                Arguments.of("delete", IdentifierItemBuilder.delete("acc-A", "04A23F9A"), true),
                Arguments.of("missing op", IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").with("op", null), false),
                Arguments.of("unknown op", IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").with("op", "merge"), false),
                Arguments.of("unknown idTokenType", IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").type("Badge"), false),
                Arguments.of("unknown status", IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").status("paused"), false),
                Arguments.of("upsert without accessClass",
                        IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").with("accessClass", null), false),
                Arguments.of("agreement without agreementId",
                        IdentifierItemBuilder.agreement("acc-A", "04A23F9A", "x").with("agreementId", null), false),
                Arguments.of("idToken over 36", IdentifierItemBuilder.ownFleet("acc-A", "A".repeat(37)), false),
                Arguments.of("empty idToken", IdentifierItemBuilder.ownFleet("acc-A", ""), false),
                Arguments.of("idToken not a string", IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").with("idToken", 42),
                        false),
                Arguments.of("validFrom not a date-time",
                        IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").with("validFrom", "tomorrow"), false),
                Arguments.of("upsert with changedAt",
                        IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").with("changedAt", "2025-01-01T10:00:00.123+01:00"),
                        true),
                Arguments.of("delete with changedAt",
                        IdentifierItemBuilder.delete("acc-A", "04A23F9A").with("changedAt", "2025-01-01T09:00:00Z"), true),
                Arguments.of("changedAt not a date-time",
                        IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").with("changedAt", "just now"), false),
                Arguments.of("changedAt without offset",
                        IdentifierItemBuilder.delete("acc-A", "04A23F9A").with("changedAt", "2025-01-01T09:00:00"), false),
                Arguments.of("changedAt not a string",
                        IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").with("changedAt", 1_900_000_000), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifierItems")
    void identifierItemsAreAcceptedExactlyWhenTheSchemaAcceptsThem(String scenario, IdentifierItemBuilder item,
            boolean valid) {
        JsonNode node = item.node();
        assertEquals(valid, Schemas.violations(Schemas.IDENTIFIER_ITEM, node).isEmpty(), "schema");
        ReceivedItem received = IdentifierItemReader.read(node);
        boolean accepted = new IdentifierItemValidator(HASHER).validate(received.raw(), received.readViolations()).valid();
        assertEquals(valid, accepted, "service");
        if (!valid) {
            assertFalse(accepted);
        }
    }

    @Test
    void changedAtIsAnOptionalDateTimeOfTheSchema() {
        JsonNode changedAt = Schemas.IDENTIFIER_ITEM.getSchemaNode().at("/properties/changedAt");
        assertEquals("date-time", changedAt.get("format").asText());
        assertFalse(MAPPER.convertValue(Schemas.IDENTIFIER_ITEM.getSchemaNode().get("required"), List.class)
                .contains("changedAt"), "optional: producers without it keep working");
    }

    @Test
    void ourTokenTypeNamesAreTheSchemasEnum() {
        List<String> registrable = Stream.of(IdTokenType.values()).filter(IdTokenType::registrable).map(Enum::name).toList();
        JsonNode schemaEnum = MAPPER.valueToTree(Schemas.IDENTIFIER_ITEM.getSchemaNode().at("/properties/idTokenType/enum"));
        assertEquals(registrable, MAPPER.convertValue(schemaEnum, List.class));
    }
}
