package com.betterfleet.access.decisionlog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Database;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;

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

    /**
     * The grants themselves: the triggers refuse UPDATE and DELETE with the same SQLSTATE as a missing
     * privilege, so the refusals below could not tell a stray grant from none.
     */
    @Test
    void theApplicationRoleHoldsNoPrivilegeToChangeOrRemoveRecords() {
        for (String table : List.of("access_record", "charger_account")) {
            for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
                assertEquals(0, Database.count("SELECT count(*) WHERE has_table_privilege('decision_log_app', ?, ?)",
                        table, privilege), "decision_log_app " + privilege + " on " + table);
            }
            assertEquals(1, Database.count("SELECT count(*) WHERE has_table_privilege('decision_log_app', ?, 'SELECT')"
                    + " AND has_table_privilege('decision_log_app', ?, 'INSERT')", table, table), table);
        }
        // nor on a partition, nor on the settings of V5 (not even to read them)
        String partition = "access_record_p" + java.time.YearMonth.now(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMM"));
        assertEquals(0, Database.count("SELECT count(*) WHERE has_table_privilege('decision_log_app', ?, "
                + "'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')", partition));
        assertEquals(0, Database.count("SELECT count(*) WHERE has_table_privilege('decision_log_app', "
                + "'decision_log_settings', 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')"));
        assertEquals(0, Database.count("SELECT count(*) FROM pg_roles WHERE rolname = 'decision_log_app' "
                + "AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb)"));
    }

    @Test
    void theApplicationRoleMayOnlyReadAndAppend() throws SQLException {
        try (Connection app = Database.connectAsApplication(); Statement s = app.createStatement()) {
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
