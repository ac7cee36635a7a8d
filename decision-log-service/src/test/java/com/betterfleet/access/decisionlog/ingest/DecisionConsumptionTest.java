package com.betterfleet.access.decisionlog.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.BacklogPublisherResource;
import com.betterfleet.access.decisionlog.support.Database;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Consumption from the real broker into the real database: at least once, stored once. */
@QuarkusTest
class DecisionConsumptionTest {
    @Inject
    MeterRegistry registry;

    @Test
    void storesTheSameDecisionDeliveredTwiceOnce() {
        Events.DecisionEvent decision = Events.decision().charger(Scenario.newCharger()).account(Scenario.newAccount());
        double duplicatesBefore = duplicates();

        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(decision.json()), List.of(decision.decisionId()), 1);
        Scenario.publisher().publish(AmqpTestPublisher.DECISIONS, decision.json(), decision.json());

        Awaitility.await().atMost(Scenario.STORE_TIMEOUT).until(() -> duplicates() >= duplicatesBefore + 2);
        assertEquals(1, Database.countRecords(List.of(decision.decisionId())));
    }

    @Test
    void storesAllFiveHundredDecisionsPublishedWhileTheServiceWasNotConsumingExactlyOnce() {
        assertEquals(BacklogPublisherResource.COUNT, BacklogPublisherResource.queuedBeforeStart(),
                "the backlog waited in the durable queue before the service started");
        Awaitility.await().atMost(Scenario.STORE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> Database.count("SELECT count(*) FROM access_record WHERE charger_id = ?",
                        BacklogPublisherResource.CHARGER) >= BacklogPublisherResource.COUNT);
        assertEquals(BacklogPublisherResource.COUNT, Database.count(
                "SELECT count(DISTINCT record_id) FROM access_record WHERE charger_id = ?", BacklogPublisherResource.CHARGER));
        assertEquals(BacklogPublisherResource.COUNT, Database.count(
                "SELECT count(*) FROM access_record WHERE charger_id = ?", BacklogPublisherResource.CHARGER));
    }

    @Test
    void storesADecisionWithEveryRecordedColumnAndNoRawIdentifier() throws Exception {
        String charger = Scenario.newCharger();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Events.DecisionEvent decision = Events.decision().charger(charger).account("acc-cols").at(at)
                .idToken("04:a2:3f:9a", "ISO14443");
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(decision.json()), List.of(decision.decisionId()), 1);

        try (Connection c = Database.connect();
                PreparedStatement s = c.prepareStatement("SELECT * FROM access_record WHERE record_id = ?")) {
            s.setString(1, decision.decisionId());
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next());
                assertEquals("decision", row.getString("kind"));
                assertEquals(decision.decisionId(), row.getString("decision_id"));
                assertEquals(charger, row.getString("charger_id"));
                assertEquals("acc-cols", row.getString("account_id"));
                assertEquals("RFID \u2022\u2022\u2022\u20223F9A", row.getString("id_mask"));
                assertEquals("own_fleet", row.getString("reason"));
                assertEquals("Accepted", row.getString("protocol_status"));
                assertEquals(3, row.getLong("policy_version"));
                assertEquals(at, row.getTimestamp("occurred_at").toInstant());
                StringBuilder everything = new StringBuilder();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    everything.append(row.getString(i)).append('|');
                }
                assertTrue(!everything.toString().toUpperCase().contains("04A23F9A")
                        && !everything.toString().toLowerCase().contains("04:a2:3f:9a"), "raw identifier nowhere");
            }
        }
    }

    @Test
    void storesEveryOtherChargerAccessEventAsATimelineRecord() {
        String charger = Scenario.newCharger();
        List<Events.TimelineEvent> policyEvents = List.of(Events.policyChanged().charger(charger),
                Events.expectedModeChanged().charger(charger), Events.capabilityChanged().charger(charger));
        List<Events.TimelineEvent> modeEvents = List.of(Events.modeChange("requested").charger(charger),
                Events.modeChange("confirmed").charger(charger), Events.modeChange("failed").charger(charger));
        List<String> ids = new ArrayList<>();
        policyEvents.forEach(e -> ids.add(e.id()));
        modeEvents.forEach(e -> ids.add(e.id()));

        Scenario.publisher().publish(AmqpTestPublisher.POLICY, policyEvents.stream().map(Events.TimelineEvent::json).toList());
        Scenario.publisher().publish(AmqpTestPublisher.MODE_CHANGES, modeEvents.stream().map(Events.TimelineEvent::json).toList());
        Scenario.awaitStored(ids, 6);

        assertEquals(6, Database.count("SELECT count(DISTINCT kind) FROM access_record WHERE charger_id = ?", charger));
        assertEquals(1, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ? AND kind = 'mode_change_failed'"
                + " AND payload->>'reason' LIKE 'required key%'", charger));
    }

    @Test
    void acknowledgesAndCountsMessagesThatCanNeverBeStoredWithoutBlockingTheQueue() {
        double rejectedBefore = rejected();
        String charger = Scenario.newCharger();
        Events.DecisionEvent good = Events.decision().charger(charger);
        List<String> poison = List.of(
                "not json at all",
                "{\"specversion\":\"1.0\",\"id\":\"x1\",\"type\":\"other.thing\",\"subject\":\"CP-1\",\"time\":\"2025-01-01T00:00:00Z\",\"data\":{}}",
                Events.decision().charger(charger).with("decisionId", null).json(),
                Events.decision().charger(charger).with("idHash", "04A23F9A").json(),
                Events.decision().charger(charger).with("decision", "maybe").json(),
                Events.decision().charger(charger).with("occurredAt", "yesterday").json());

        List<String> bodies = new ArrayList<>(poison);
        bodies.add(good.json());
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, bodies, List.of(good.decisionId()), 1);

        Awaitility.await().atMost(Scenario.STORE_TIMEOUT).until(() -> rejected() >= rejectedBefore + poison.size());
        assertEquals(1, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ?", charger));
    }

    @Test
    void storesEveryDecisionOfABatchMessageOnceAlsoWhenTheBatchIsRedeliveredOrOverlaps() {
        String charger = Scenario.newCharger();
        List<Events.DecisionEvent> decisions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            decisions.add(Events.decision().charger(charger));
        }
        List<String> bodies = decisions.stream().map(Events.DecisionEvent::json).toList();
        List<String> ids = decisions.stream().map(Events.DecisionEvent::decisionId).toList();

        Scenario.publisher().publishBatch(AmqpTestPublisher.DECISIONS, bodies);
        Scenario.publisher().publishBatch(AmqpTestPublisher.DECISIONS, bodies); // the same batch again
        Scenario.publisher().publishBatch(AmqpTestPublisher.DECISIONS, bodies.subList(40, 50));
        Scenario.publisher().publish(AmqpTestPublisher.DECISIONS, bodies.get(0)); // one of them on its own
        Scenario.awaitStored(ids, 50);

        Events.DecisionEvent marker = Events.decision().charger(charger);
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(marker.json()), List.of(marker.decisionId()), 1);
        assertEquals(51, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ?", charger));
        assertEquals(51, Database.count("SELECT count(DISTINCT decision_id) FROM access_record WHERE charger_id = ?", charger));
    }

    @Test
    void storesTheGoodEventsOfABatchAndCountsTheBrokenOnesWithoutBlockingTheQueue() {
        double rejectedBefore = rejected();
        String charger = Scenario.newCharger();
        Events.DecisionEvent first = Events.decision().charger(charger);
        Events.DecisionEvent last = Events.decision().charger(charger);
        List<String> batch = List.of(first.json(), "42", Events.decision().charger(charger).with("decision", "maybe").json(),
                "{\"specversion\":\"1.0\",\"id\":\"x2\",\"type\":\"other.thing\",\"subject\":\"CP-1\"}", last.json());

        Scenario.publisher().publishBatch(AmqpTestPublisher.DECISIONS, batch);
        Scenario.publisher().publish(AmqpTestPublisher.DECISIONS, "[not json");
        Scenario.awaitStored(List.of(first.decisionId(), last.decisionId()), 2);

        Awaitility.await().atMost(Scenario.STORE_TIMEOUT).until(() -> rejected() >= rejectedBefore + 4);
        assertEquals(2, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ?", charger));
        // the queue still moves
        Events.DecisionEvent later = Events.decision().charger(charger);
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(later.json()), List.of(later.decisionId()), 1);
    }

    @Test
    void acknowledgesAndCountsEventsWithInstantsOutsideTheSupportedRangeWithoutBlockingTheQueue() {
        double rejectedBefore = rejected();
        String charger = Scenario.newCharger();
        Events.DecisionEvent good = Events.decision().charger(charger);
        Events.TimelineEvent goodTimeline = Events.expectedModeChanged().charger(charger);
        // ISO-8601 accepts these; OffsetDateTime in UTC or PostgreSQL's timestamptz does not
        List<String> decisions = List.of(
                Events.decision().charger(charger).with("occurredAt", "+999999999-12-31T23:59:59-18:00").json(),
                Events.decision().charger(charger).with("occurredAt", "-999999999-01-01T00:00:00+18:00").json(),
                Events.decision().charger(charger).with("occurredAt", "+294277-01-01T00:00:00Z").json(),
                Events.decision().charger(charger).with("expiryDate", "+999999999-12-31T23:59:59-18:00").json(),
                good.json());
        List<String> timeline = List.of(
                withTime(Events.policyChanged().charger(charger).json(), "+999999999-12-31T23:59:59-18:00"),
                withTime(Events.capabilityChanged().charger(charger).json(), "+294277-01-01T00:00:00Z"),
                withTime(Events.expectedModeChanged().charger(charger).json(), "1969-12-31T23:59:59Z"),
                goodTimeline.json());

        Scenario.publisher().publish(AmqpTestPublisher.DECISIONS, decisions);
        Scenario.publisher().publish(AmqpTestPublisher.POLICY, timeline);

        Scenario.awaitStored(List.of(good.decisionId(), goodTimeline.id()), 2);
        Awaitility.await().atMost(Scenario.STORE_TIMEOUT).until(() -> rejected() >= rejectedBefore + 7);
        assertEquals(2, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ?", charger));

        // the consumer still takes new messages afterwards
        Events.DecisionEvent later = Events.decision().charger(charger);
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(later.json()), List.of(later.decisionId()), 1);
    }

    /**
     * A value too long for an index row failed the whole INSERT (SQLSTATE 54000), which was taken for
     * a database outage: the batch was redelivered forever and every queue behind it stood still.
     */
    @Test
    void refusesOverLongAndMalformedFieldValuesWhileStoringTheirBatchNeighbours() {
        double rejectedBefore = rejected();
        String charger = Scenario.newCharger();
        Events.DecisionEvent first = Events.decision().charger(charger);
        Events.DecisionEvent last = Events.decision().charger(charger);
        // a reason released by a producer before this consumer knows it: stored, not dropped (additive evolution)
        Events.DecisionEvent newReason = Events.decision().charger(charger).with("reason", "new_reason_2031");
        Events.TimelineEvent goodTimeline = Events.expectedModeChanged().charger(charger);
        List<String> batch = List.of(first.json(), newReason.json(),
                Events.decision().charger(charger).account(incompressible(3_000)).json(),
                Events.decision().charger(charger).depot(incompressible(3_000)).json(),
                Events.decision().charger(charger).account("a".repeat(65)).json(),
                Events.decision().charger(charger).with("reason", "because it said so").json(),
                Events.decision().charger(charger).with("protocol", "ocpp 9").json(),
                last.json());
        List<String> timeline = List.of(
                Events.policyChanged().charger(charger).account(incompressible(3_000)).json(),
                Events.capabilityChanged().charger(charger).data("depotId", incompressible(3_000)).json(),
                goodTimeline.json());

        Scenario.publisher().publishBatch(AmqpTestPublisher.DECISIONS, batch);
        Scenario.publisher().publish(AmqpTestPublisher.POLICY, timeline);
        Scenario.awaitStored(List.of(first.decisionId(), newReason.decisionId(), last.decisionId(), goodTimeline.id()), 4);

        Awaitility.await().atMost(Scenario.STORE_TIMEOUT).until(() -> rejected() >= rejectedBefore + 7);
        assertEquals(4, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ?", charger));
        assertEquals(1, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ? AND reason = 'new_reason_2031'",
                charger));
        // the queues still move
        Events.DecisionEvent later = Events.decision().charger(charger);
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(later.json()), List.of(later.decisionId()), 1);
    }

    /** Text that compression cannot shrink below PostgreSQL's index row limit (~2.7 KB). */
    private static String incompressible(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(java.util.UUID.randomUUID().toString().replace("-", ""));
        }
        return text.substring(0, length);
    }

    private static String withTime(String body, String time) {
        try {
            ObjectNode event = (ObjectNode) new ObjectMapper().readTree(body);
            return event.put("time", time).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private double duplicates() {
        return registry.find("decision_log.records.duplicates").tag("kind", "decision").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double rejected() {
        return registry.find("decision_log.messages.rejected").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
