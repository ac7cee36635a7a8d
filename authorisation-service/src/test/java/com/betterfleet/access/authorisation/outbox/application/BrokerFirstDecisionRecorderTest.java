package com.betterfleet.access.authorisation.outbox.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerAccess;
import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.decision.domain.DecisionRecord;
import com.betterfleet.access.authorisation.decision.domain.DecisionTable;
import com.betterfleet.access.authorisation.decision.domain.UuidV7;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierHasher;
import com.betterfleet.access.authorisation.shared.application.UnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BrokerFirstDecisionRecorderTest {
    private static final Instant NOW = Instant.parse("2030-03-04T10:15:30Z");
    private static final UnavailableException NOT_COMMITTED = new UnavailableException("decision-not-recorded", "t", "d");

    private final DecisionRecord record = new DecisionRecord(UuidV7.of(NOW.toEpochMilli(), 1, 2), NOW, "CP-1", 1,
            OcppProtocol.OCPP16, new IdentifierHasher("pepper").hash("UNKNOWN-1", null),
            DecisionTable.decide(ChargerAccess.at("CP-1", null, NOW), false, List.of(), NOW));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<OutboxMessage> sentToBroker = new ArrayList<>();
    private final List<OutboxMessage> writtenToOutbox = new ArrayList<>();
    private final AtomicInteger durable = new AtomicInteger();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();

    /** Test double of the broker path: settles every send as told. */
    private DirectDecisionSender broker(boolean accepts) {
        return (message, settled) -> {
            sentToBroker.add(message);
            settled.accept(accepts);
        };
    }

    /** Test double of the outbox path: commits, or fails like a refused commit. */
    private OutboxWriter outbox(boolean commits) {
        return (message, context, onDurable, onFailure) -> {
            writtenToOutbox.add(message);
            if (commits) {
                onDurable.run();
            } else {
                onFailure.accept(NOT_COMMITTED);
            }
        };
    }

    private void record(DirectDecisionSender broker, OutboxWriter outbox, boolean brokerFirst) {
        new BrokerFirstDecisionRecorder(new DecisionRecordedEventMapper(new ObjectMapper()), broker, outbox, brokerFirst,
                registry).record(record, durable::incrementAndGet, failed::set);
    }

    private double recorded(String path) {
        return registry.get("authorisation.decisions.recorded").tag("path", path).counter().count();
    }

    @Test
    void aDecisionTheBrokerAcknowledgedIsDurableWithoutTheOutbox() {
        record(broker(true), outbox(true), true);
        assertEquals(1, durable.get());
        assertEquals(null, failed.get());
        assertEquals(1, sentToBroker.size());
        assertEquals(record.decisionId(), sentToBroker.get(0).decisionId());
        assertEquals(List.of(), writtenToOutbox);
        assertEquals(1.0, recorded("broker"));
        assertEquals(0.0, recorded("outbox"));
    }

    @Test
    void aDecisionTheBrokerDidNotAcknowledgeGoesToTheOutboxAsTheSameEvent() {
        record(broker(false), outbox(true), true);
        assertEquals(1, durable.get());
        assertEquals(List.of(sentToBroker.get(0)), writtenToOutbox, "same decisionId and payload on both paths");
        assertEquals(0.0, recorded("broker"));
        assertEquals(1.0, recorded("outbox"));
    }

    @Test
    void aDecisionNeitherPathMadeDurableFailsAndIsNotAnswered() {
        record(broker(false), outbox(false), true);
        assertEquals(0, durable.get());
        assertSame(NOT_COMMITTED, failed.get());
        assertEquals(0.0, recorded("outbox"));
    }

    @Test
    void withBrokerFirstOffEveryDecisionGoesThroughTheOutbox() {
        record(broker(true), outbox(true), false);
        assertEquals(List.of(), sentToBroker);
        assertEquals(1, writtenToOutbox.size());
        assertEquals(1, durable.get());
        assertEquals(1.0, recorded("outbox"));
    }
}
