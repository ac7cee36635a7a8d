package com.betterfleet.access.decisionlog.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Database;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What this service accepts, checked against the shared contract docs/contracts/events.schema.json:
 * a sample of every charger_access.* type is valid there and is stored by the consumer; a sample
 * the schema refuses is refused by the consumer too.
 */
@QuarkusTest
class AcceptedEventsContractTest {
    private static final Path SCHEMA = Path.of("..", "docs", "contracts", "events.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    @Test
    void acceptsAValidSampleOfEveryEventType() throws IOException {
        String charger = Scenario.newCharger();
        Events.DecisionEvent allowed = Events.decision().charger(charger);
        Events.DecisionEvent denied = Events.decision().charger(charger).denied("not_yet_valid", "NotAtThisTime")
                .with("protocol", "ocpp2.0.1").withNull("connectorId").withNull("accountId");
        Map<String, Events.TimelineEvent> timeline = new LinkedHashMap<>();
        timeline.put("policy_changed", Events.policyChanged().charger(charger));
        timeline.put("expected_mode_changed", Events.expectedModeChanged().charger(charger));
        timeline.put("capability_changed", Events.capabilityChanged().charger(charger));
        timeline.put("mode_change_requested", Events.modeChange("requested").charger(charger));
        timeline.put("mode_change_confirmed", Events.modeChange("confirmed").charger(charger));
        timeline.put("mode_change_failed", Events.modeChange("failed").charger(charger));

        List<String> samples = new ArrayList<>(List.of(allowed.json(), denied.json()));
        timeline.values().forEach(e -> samples.add(e.json()));
        Set<String> types = new java.util.HashSet<>();
        for (String sample : samples) {
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(sample));
            assertTrue(errors.isEmpty(), "valid against events.schema.json: " + errors);
            types.add(JSON.readTree(sample).get("type").asText());
        }
        assertEquals(schemaTypes(), types, "a sample of every type the contract defines");

        Scenario.publisher().publish(AmqpTestPublisher.DECISIONS, allowed.json(), denied.json());
        Scenario.publisher().publish(AmqpTestPublisher.POLICY, timeline.get("policy_changed").json(),
                timeline.get("expected_mode_changed").json(), timeline.get("capability_changed").json());
        Scenario.publisher().publish(AmqpTestPublisher.MODE_CHANGES, timeline.get("mode_change_requested").json(),
                timeline.get("mode_change_confirmed").json(), timeline.get("mode_change_failed").json());
        List<String> ids = new ArrayList<>(List.of(allowed.decisionId(), denied.decisionId()));
        timeline.values().forEach(e -> ids.add(e.id()));
        Scenario.awaitStored(ids, ids.size());

        for (Map.Entry<String, Events.TimelineEvent> entry : timeline.entrySet()) {
            assertEquals(1, Database.count("SELECT count(*) FROM access_record WHERE record_id = ? AND kind = ?",
                    entry.getValue().id(), entry.getKey()), entry.getKey());
        }
        assertEquals(2, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ? AND kind = 'decision'", charger));
    }

    /** expected_mode_changed with the additive modeUntil (a time, or null) is valid and stored with it, as received. */
    @Test
    void acceptsAndStoresExpectedModeChangedWithModeUntil() throws IOException {
        String charger = Scenario.newCharger();
        Events.TimelineEvent withModeUntil = Events.expectedModeChanged().charger(charger)
                .data("until", "2026-06-01T11:00:00Z").data("modeUntil", "2026-06-01T17:00:00Z");
        Events.TimelineEvent withoutChangeAhead = Events.expectedModeChanged().charger(charger)
                .data("until", "2026-06-01T18:00:00Z").data("modeUntil", null);
        for (Events.TimelineEvent sample : List.of(withModeUntil, withoutChangeAhead)) {
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(sample.json()));
            assertTrue(errors.isEmpty(), "valid against events.schema.json: " + errors);
        }
        assertFalse(schema.validate(JSON.readTree(Events.expectedModeChanged().charger(charger)
                .data("modeUntil", "soon").json())).isEmpty(), "the schema checks modeUntil's format");

        Scenario.publishAndAwait(AmqpTestPublisher.POLICY, List.of(withModeUntil.json(), withoutChangeAhead.json()),
                List.of(withModeUntil.id(), withoutChangeAhead.id()), 2);

        assertEquals(1, Database.count("SELECT count(*) FROM access_record WHERE record_id = ? "
                + "AND kind = 'expected_mode_changed' AND payload->>'modeUntil' = '2026-06-01T17:00:00Z' "
                + "AND payload->>'until' = '2026-06-01T11:00:00Z'", withModeUntil.id()));
        assertEquals(1, Database.count("SELECT count(*) FROM access_record WHERE record_id = ? "
                + "AND kind = 'expected_mode_changed' AND payload->'modeUntil' = 'null'::jsonb", withoutChangeAhead.id()));
    }

    @Test
    void refusesWhatTheSchemaRefuses() throws IOException {
        String charger = Scenario.newCharger();
        Events.DecisionEvent withoutHash = Events.decision().charger(charger).with("idHash", null);
        Events.DecisionEvent rawTokenAsHash = Events.decision().charger(charger).with("idHash", "04A23F9A");
        Events.DecisionEvent unknownReason = Events.decision().charger(charger).with("reason", "because");
        Events.DecisionEvent unknownStatus = Events.decision().charger(charger).with("protocolStatus", "Maybe");
        Events.DecisionEvent valid = Events.decision().charger(charger);
        List<Events.DecisionEvent> invalid = List.of(withoutHash, rawTokenAsHash);
        // Values outside today's enums: the schema (what a producer may send today) refuses them, but
        // this consumer stores them as received (tolerant reader): a producer released with a new value
        // before it must not make decisions vanish from the audit log.
        List<Events.DecisionEvent> newerValues = List.of(unknownReason, unknownStatus);
        for (Events.DecisionEvent event : List.of(withoutHash, rawTokenAsHash, unknownReason, unknownStatus)) {
            assertFalse(schema.validate(JSON.readTree(event.json())).isEmpty(), "the schema refuses it");
        }
        Events.TimelineEvent longAccount = Events.capabilityChanged().charger(charger).account("a".repeat(65));
        Events.TimelineEvent validTimeline = Events.capabilityChanged().charger(charger);
        assertFalse(schema.validate(JSON.readTree(longAccount.json())).isEmpty(), "the schema refuses it");

        List<String> bodies = new ArrayList<>(invalid.stream().map(Events.DecisionEvent::json).toList());
        bodies.add(valid.json());
        Scenario.publisher().publish(AmqpTestPublisher.POLICY, longAccount.json(), validTimeline.json());
        newerValues.forEach(event -> bodies.add(event.json()));
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, bodies, List.of(valid.decisionId(), unknownReason.decisionId(),
                unknownStatus.decisionId()), 3);
        Scenario.awaitStored(List.of(validTimeline.id()), 1);

        assertEquals(0, Database.countRecords(invalid.stream().map(Events.DecisionEvent::decisionId).toList()));
        assertEquals(0, Database.countRecords(List.of(longAccount.id())));
    }

    private static Set<String> schemaTypes() throws IOException {
        JsonNode types = JSON.readTree(SCHEMA.toFile()).at("/properties/type/enum");
        Set<String> all = new java.util.HashSet<>();
        types.forEach(t -> all.add(t.asText()));
        return all;
    }
}
