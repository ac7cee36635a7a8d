package com.betterfleet.access.decisionlog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.adapter.in.scheduler.PartitionMaintenanceJob;
import com.betterfleet.access.decisionlog.application.PartitionMaintenanceService;
import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Database;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;

import io.quarkus.test.junit.QuarkusTest;

/** Retention drops whole expired month partitions, the only way records leave the log. */
@QuarkusTest
class RetentionTest {
    @Inject
    PartitionMaintenanceJob job;

    @Test
    void dropsAnExpiredMonthPartitionAndKeepsRecentOnes() throws SQLException {
        Events.DecisionEvent recent = Events.decision().charger(Scenario.newCharger());
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(recent.json()), List.of(recent.decisionId()), 1);
        String oldInPartition = insertTimelineRecord(Instant.parse("2001-01-15T10:00:00Z"), true);
        String oldInDefault = insertTimelineRecord(Instant.parse("1999-06-01T10:00:00Z"), false);
        assertTrue(partitionExists("access_record_p200101"));

        PartitionMaintenanceService.Report report = job.run().await().atMost(Duration.ofSeconds(30));

        assertTrue(report.dropped().contains("access_record_p200101"), report.dropped().toString());
        assertFalse(partitionExists("access_record_p200101"));
        assertEquals(0, Database.countRecords(List.of(oldInPartition, oldInDefault)));
        assertEquals(1, Database.countRecords(List.of(recent.decisionId())));
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        for (int ahead = 0; ahead <= 3; ahead++) {
            String name = "access_record_p" + month.plusMonths(ahead).toString().substring(0, 7).replace("-", "");
            assertTrue(partitionExists(name), name + " kept or created");
        }
        assertTrue(partitionExists("access_record_default"));
    }

    @Test
    void cutsOffWholeMonthsBeforeTheRetentionWindow() {
        assertEquals(Instant.parse("2023-03-01T00:00:00Z"),
                PartitionMaintenanceService.retentionCutoff(Instant.parse("2025-03-31T23:59:59Z"), 24));
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"),
                PartitionMaintenanceService.retentionCutoff(Instant.parse("2025-03-01T00:00:00Z"), 1));
    }

    @Test
    void aNewMonthPartitionTakesOverTheRecordsWaitingInTheDefaultPartition() throws SQLException {
        Instant farFuture = Instant.parse("2098-07-04T12:00:00Z");
        String waiting = insertTimelineRecord(farFuture, false);
        assertEquals(1, Database.count("SELECT count(*) FROM access_record_default WHERE record_id = ?", waiting));

        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT decision_log_ensure_partition('2098-07-01')").close();
        }

        assertEquals(1, Database.count("SELECT count(*) FROM access_record_p209807 WHERE record_id = ?", waiting));
        assertEquals(0, Database.count("SELECT count(*) FROM access_record_default WHERE record_id = ?", waiting));
        // the default partition was rebuilt: it keeps the append-only autovacuum settings too
        assertTrue(vacuumedOnlyAfterAMillionInserts("access_record_default"));
    }

    @Test
    void everyPartitionIsVacuumedAndAnalysedOnlyAfterAMillionInserts() throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT decision_log_ensure_partition('2097-03-01')").close();
        }
        assertTrue(vacuumedOnlyAfterAMillionInserts("access_record_p209703"), "a partition created now");
        // the partitions the first migration created before the settings existed
        assertEquals(0, Database.count("SELECT count(*) FROM decision_log_partitions() p JOIN pg_class c"
                + " ON c.relname = p.partition_name WHERE NOT coalesce(c.reloptions @> ARRAY["
                + "'autovacuum_vacuum_insert_threshold=1000000', 'autovacuum_analyze_threshold=1000000'], false)"));
    }

    private static boolean vacuumedOnlyAfterAMillionInserts(String partition) {
        return Database.count("SELECT count(*) FROM pg_class WHERE relname = ? AND reloptions @> ARRAY["
                + "'autovacuum_vacuum_insert_threshold=1000000', 'autovacuum_analyze_threshold=1000000']", partition) == 1;
    }

    /** An owner-side INSERT (allowed: the log is append-only, not read-only). */
    private static String insertTimelineRecord(Instant at, boolean withPartition) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = Database.connect()) {
            if (withPartition) {
                try (PreparedStatement s = c.prepareStatement("SELECT decision_log_ensure_partition(?)")) {
                    s.setObject(1, LocalDate.ofInstant(at, ZoneOffset.UTC));
                    s.executeQuery().close();
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO access_record (record_id, occurred_at, kind, charger_id, "
                    + "account_id, payload) VALUES (?, ?, 'expected_mode_changed', 'CP-OLD', 'acc-old', '{}'::jsonb)")) {
                s.setString(1, id);
                s.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                s.executeUpdate();
            }
        }
        return id;
    }

    private static boolean partitionExists(String name) {
        return Database.count("SELECT count(*) FROM pg_class WHERE relname = ?", name) == 1;
    }
}
