package com.betterfleet.access.decisionlog.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Database;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The database failing under the consumer: a transient failure nacks the batch and the broker
 * redelivers it until it is stored (once); a record the database refuses for its content is
 * dropped alone while the rest of its batch is stored.
 */
@QuarkusTest
class StoreFailureTest {
    private static final String TRIGGER = "test_fail_inserts";

    @Inject
    MeterRegistry registry;

    @AfterEach
    void databaseAcceptsWritesAgain() throws SQLException {
        execute("DROP TRIGGER IF EXISTS " + TRIGGER + " ON access_record");
    }

    @Test
    void storesADecisionOnceWhenTheDatabaseAcceptsWritesAgainAfterFailing() throws Exception {
        String charger = Scenario.newCharger();
        failInserts(charger, "40001"); // serialization failure: transient
        double failuresBefore = counter("decision_log.store.failures");
        Events.DecisionEvent decision = Events.decision().charger(charger);

        Scenario.publisher().publish(AmqpTestPublisher.DECISIONS, decision.json());
        Awaitility.await().atMost(Scenario.STORE_TIMEOUT).until(() -> counter("decision_log.store.failures") >= failuresBefore + 2);
        assertEquals(0, Database.countRecords(List.of(decision.decisionId())));

        databaseAcceptsWritesAgain();
        Scenario.awaitStored(List.of(decision.decisionId()), 1);
        Thread.sleep(300); // a redelivery still on its way must not add a row
        assertEquals(1, Database.countRecords(List.of(decision.decisionId())));
    }

    @Test
    void dropsOnlyTheRecordTheDatabaseRefusesAndStoresTheRestOfItsBatch() throws Exception {
        String refusedCharger = Scenario.newCharger();
        failInserts(refusedCharger, "23514"); // check violation: refused for its content
        double rejectedBefore = rejected();
        Events.DecisionEvent refused = Events.decision().charger(refusedCharger);
        List<Events.DecisionEvent> fine = List.of(Events.decision().charger(Scenario.newCharger()),
                Events.decision().charger(Scenario.newCharger()));

        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS,
                List.of(fine.get(0).json(), refused.json(), fine.get(1).json()),
                fine.stream().map(Events.DecisionEvent::decisionId).toList(), 2);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rejected() >= rejectedBefore + 1);
        assertEquals(0, Database.countRecords(List.of(refused.decisionId())));
    }

    @Test
    void dropsOnlyTheRecordTheDatabaseRefusesInsideABatchMessage() throws Exception {
        String refusedCharger = Scenario.newCharger();
        failInserts(refusedCharger, "23514");
        double rejectedBefore = rejected();
        Events.DecisionEvent refused = Events.decision().charger(refusedCharger);
        List<Events.DecisionEvent> fine = List.of(Events.decision().charger(Scenario.newCharger()),
                Events.decision().charger(Scenario.newCharger()));

        Scenario.publisher().publishBatch(AmqpTestPublisher.DECISIONS,
                List.of(fine.get(0).json(), refused.json(), fine.get(1).json()));
        Scenario.awaitStored(fine.stream().map(Events.DecisionEvent::decisionId).toList(), 2);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> rejected() >= rejectedBefore + 1);
        assertEquals(0, Database.countRecords(List.of(refused.decisionId())));
    }

    private static void failInserts(String chargerId, String sqlState) throws SQLException {
        execute("CREATE OR REPLACE FUNCTION test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'test: insert refused' USING ERRCODE = TG_ARGV[0]; END $$");
        execute("CREATE TRIGGER " + TRIGGER + " BEFORE INSERT ON access_record FOR EACH ROW WHEN (NEW.charger_id = '"
                + chargerId + "') EXECUTE FUNCTION test_fail_insert('" + sqlState + "')");
    }

    private double counter(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double rejected() {
        return registry.find("decision_log.messages.rejected").tag("reason", "refused_by_database").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
