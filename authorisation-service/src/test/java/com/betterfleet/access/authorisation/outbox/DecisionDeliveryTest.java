package com.betterfleet.access.authorisation.outbox;

import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.expectedModeChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Broker;
import com.betterfleet.access.authorisation.testsupport.ChargerStates;
import com.betterfleet.access.authorisation.testsupport.Database;
import com.betterfleet.access.authorisation.testsupport.Schemas;
import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Decisions reach charger-access.decisions (read here from decision-log-service's queue), once
 * each, as schema-valid decision_recorded events, also across a broker outage. Runs last: it stops
 * the shared broker.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecisionDeliveryTest {
    @Inject
    ReplicaState state;
    @Inject
    MeterRegistry registry;

    private double recorded(String path) {
        // registered with the recorder, which is created by the first Authorize
        var counter = registry.find("authorisation.decisions.recorded").tag("path", path).counter();
        return counter == null ? 0 : counter.count();
    }

    private long brokerAcks() {
        var timer = registry.find("authorisation.decisions.broker.ack").timer();
        return timer == null ? 0 : timer.count();
    }

    private static JsonNode arrived(String decisionId) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> Broker.decision(decisionId), Objects::nonNull);
    }

    @Test
    @Order(1)
    void decisionReachesTheDecisionLogQueueOnceAsASchemaValidEvent() throws Exception {
        Broker.consumeDecisions();
        double viaBroker = recorded("broker");
        double viaOutbox = recorded("outbox");
        long acks = brokerAcks();
        String id = Api.authorise("CP-DELIVERY-1", "04:a2:3f:9a", "ocpp2.0.1").statusCode(200).extract().path("decisionId");
        assertEquals(viaBroker + 1, recorded("broker"), "a healthy broker acknowledged the decision before the answer");
        assertEquals(acks + 1, brokerAcks(), "the acknowledgement's wait is timed");
        int management = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class);
        assertTrue(io.restassured.RestAssured.given().port(management).get("/q/metrics").then().statusCode(200).extract()
                .asString().contains("authorisation_decisions_broker_ack_seconds_bucket{"),
                "as a histogram, so a dashboard can show its percentiles");
        assertEquals(viaOutbox, recorded("outbox"), "nothing went through the outbox");
        JsonNode event = arrived(id);
        assertEquals("[]", Schemas.violations(Schemas.EVENTS, event).toString());
        assertEquals("charger_access.decision_recorded", event.get("type").asText());
        assertEquals("RFID ••••3F9A", event.at("/data/idMask").asText());
        assertEquals("fe07043a8bbaa1f7546132a7d18ffad4835a2d7bf77bcd3a4cefc0b727d20e8d", event.at("/data/idHash").asText());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Database.count(
                "SELECT count(*) FROM decision_outbox WHERE decision_id = ?::uuid", id) == 0);
        Thread.sleep(300);
        assertEquals(1, Broker.deliveries(id));
    }

    @Test
    @Order(2)
    void concurrentDecisionsShareMessagesAndEachArrivesOnceAsASchemaValidEvent() throws Exception {
        Broker.consumeDecisions();
        double viaBroker = recorded("broker");
        List<Future<String>> calls = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            for (int i = 0; i < 300; i++) {
                int n = i;
                calls.add(clients.submit(() -> Api.authorise("CP-BATCH-" + (n % 8), "GUEST-B" + n, "ocpp1.6")
                        .statusCode(200).extract().<String>path("decisionId")));
            }
            List<String> answered = new ArrayList<>();
            for (Future<String> call : calls) {
                answered.add(call.get(30, TimeUnit.SECONDS));
            }
            assertEquals(viaBroker + answered.size(), recorded("broker"), "every decision acknowledged by the broker");
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> answered.stream().allMatch(id -> Broker.decision(id) != null));
            Thread.sleep(300);
            for (String id : answered) {
                assertEquals(1, Broker.deliveries(id), "delivered once: " + id);
                assertEquals("[]", Schemas.violations(Schemas.EVENTS, Broker.decision(id)).toString());
            }
            // 300 decisions from 32 clients with at most 4 messages unacknowledged: some must have shared one
            assertTrue(answered.stream().anyMatch(id -> Broker.messageSize(id) > 1), "decisions were batched");
            assertTrue(registry.find("authorisation.decisions.per_message").summary().max() > 1);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void brokerOutageKeepsAuthorizeAnsweringAndEveryDecisionArrivesAfterwards() {
        Broker.consumeDecisions();
        // The loss must be in the log (a WARN, deferred 1 s so a graceful stop does not log one).
        java.util.logging.Logger senderLog = java.util.logging.Logger.getLogger(
                "com.betterfleet.access.authorisation.outbox.adapter.out.amqp.AmqpDirectDecisionSender");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        senderLog.addHandler(capture);
        Broker.embedded().stop();
        double viaOutbox = recorded("outbox");
        List<String> answered = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                answered.add(Api.authorise("CP-OUTAGE-" + (i % 4), "GUEST-" + i, null).statusCode(200)
                        .extract().path("decisionId"));
            }
            assertTrue(Database.outboxBacklog() >= answered.size() - 1, "decisions wait in the outbox while the broker is down");
            assertEquals(viaOutbox + answered.size(), recorded("outbox"), "each one recorded through the outbox");
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> warnings.stream().anyMatch(w -> w.contains("decisions go to the outbox")));
        } finally {
            senderLog.removeHandler(capture);
            Broker.embedded().start();
            Broker.reconnect();
        }
        Broker.consumeDecisions();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> answered.stream().allMatch(id -> Broker.decision(id) != null));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Database.outboxBacklog() == 0);

        // The policy feed reconnected as well.
        ChargerStates.publishAndAwait(state, "CP-OUTAGE-0", expectedModeChanged("CP-OUTAGE-0", "acc-A", "freevend", 1,
                Instant.now().minusSeconds(1)).json(), s -> s.expectedMode() != null
                        && s.expectedMode().mode() == AccessMode.FREEVEND);
    }
}
