package com.betterfleet.access.decisionlog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Database;
import com.betterfleet.access.decisionlog.support.DecisionLogTestResources;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;
import com.betterfleet.access.local.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

/** The database itself keeps the records immutable, whoever connects (plain JDBC, no service code). */
@QuarkusTest
class AppendOnlyDatabaseTest {
    private Events.DecisionEvent decision;

    @BeforeEach
    void aStoredDecision() {
        decision = Events.decision().charger(Scenario.newCharger()).account(Scenario.newAccount());
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(decision.json()), List.of(decision.decisionId()), 1);
    }

    @Test
    void refusesAnUpdateOfADecisionRecord() throws SQLException {
        SQLException refused = assertThrows(SQLException.class, () -> execute(
                "UPDATE access_record SET decision = 'denied', reason = 'blocked_identifier' WHERE record_id = '"
                        + decision.decisionId() + "'"));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        assertEquals(1, Database.count("SELECT count(*) FROM access_record WHERE record_id = ? AND decision = 'allowed'",
                decision.decisionId()));
    }

    @Test
    void refusesADeleteOfADecisionRecord() {
        SQLException refused = assertThrows(SQLException.class,
                () -> execute("DELETE FROM access_record WHERE record_id = '" + decision.decisionId() + "'"));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        assertEquals(1, Database.countRecords(List.of(decision.decisionId())));
    }

    @Test
    void refusesAnUpdateOrDeleteAddressedToAPartitionDirectly() {
        String partition = "access_record_p" + java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMM"));
        assertThrows(SQLException.class, () -> execute("UPDATE " + partition + " SET reason = 'x' WHERE record_id = '"
                + decision.decisionId() + "'"));
        assertThrows(SQLException.class, () -> execute("DELETE FROM " + partition));
        assertEquals(1, Database.countRecords(List.of(decision.decisionId())));
    }

    @Test
    void refusesTruncateOfTheTableAndOfItsPartitions() {
        String partition = "access_record_p" + java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMM"));
        assertThrows(SQLException.class, () -> execute("TRUNCATE access_record"));
        assertThrows(SQLException.class, () -> execute("TRUNCATE " + partition));
        assertThrows(SQLException.class, () -> execute("TRUNCATE access_record_default"));
        assertEquals(1, Database.countRecords(List.of(decision.decisionId())));
    }

    @Test
    void theApplicationRoleMayOnlyReadAndAppend() throws SQLException {
        try (Connection owner = Database.connect(); Statement s = owner.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'decision_log_app_test') THEN "
                    + "CREATE ROLE decision_log_app_test LOGIN PASSWORD 'app-test' IN ROLE decision_log_app; END IF; END $$");
        }
        String url = PostgresTestResource.server().jdbcUrl(DecisionLogTestResources.DATABASE);
        try (Connection app = DriverManager.getConnection(url, "decision_log_app_test", "app-test");
                Statement s = app.createStatement()) {
            s.executeQuery("SELECT count(*) FROM access_record").close();
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE access_record SET reason = 'x' WHERE record_id = '" + decision.decisionId() + "'"));
            assertEquals("42501", update.getSQLState(), "permission denied");
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM access_record"));
            assertEquals("42501", delete.getSQLState());
            SQLException drop = assertThrows(SQLException.class, () -> s.execute("DROP TABLE access_record"));
            assertEquals("42501", drop.getSQLState());
            // partition maintenance runs through the owner's functions
            s.executeQuery("SELECT decision_log_ensure_partition(current_date)").close();
        }
        assertEquals(1, Database.countRecords(List.of(decision.decisionId())));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
