package com.betterfleet.access.decisionlog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.application.PartitionMaintenanceService;
import com.betterfleet.access.decisionlog.support.Database;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Retention may drop only months older than the minimum retention the database keeps (V5,
 * decision_log_settings, 24 months), whatever cutoff the caller names: the application role cannot
 * empty the log through the owner's retention function, and a replica whose clock runs ahead cannot
 * drop months it should keep.
 */
@QuarkusTest
class RetentionFloorTest {
    private static final String REFUSED = "42501";

    @Inject
    PartitionMaintenanceService maintenance;

    @Test
    void theApplicationRoleCannotDropMonthsTheMinimumRetentionKeeps() throws SQLException {
        Instant sixMonthsAgo = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(6).toInstant();
        String partition = partitionName(sixMonthsAgo);
        String record = insertTimelineRecord(sixMonthsAgo);

        try (Connection app = Database.connectAsApplication(); Statement s = app.createStatement()) {
            for (String cutoff : List.of("'infinity'", "now()", "'9999-12-31T00:00:00Z'",
                    // the first cutoff past the floor: one month more than the 24 months kept
                    "(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '23 months') AT TIME ZONE 'UTC'",
                    "NULL")) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> s.executeQuery("SELECT decision_log_drop_expired_partitions(" + cutoff + ")").close(), cutoff);
                assertEquals(REFUSED, refused.getSQLState(), cutoff + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains("retention refused"), refused.getMessage());
            }
            // nor can it read or lower the floor
            assertEquals(REFUSED, assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE decision_log_settings SET min_retention_months = 1")).getSQLState());
            assertEquals(REFUSED, assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT * FROM decision_log_settings").close()).getSQLState());
        }

        assertTrue(partitionExists(partition), partition + " kept");
        assertTrue(partitionExists("access_record_default"));
        assertEquals(1, Database.countRecords(List.of(record)));
        assertEquals(24, Database.count("SELECT min_retention_months FROM decision_log_settings"));
    }

    @Test
    void theApplicationRoleStillDropsMonthsOlderThanTheMinimumRetention() throws SQLException {
        Instant old = Instant.parse("2002-03-10T08:00:00Z");
        String record = insertTimelineRecord(old);
        assertTrue(partitionExists("access_record_p200203"));

        List<String> dropped = new ArrayList<>();
        try (Connection app = Database.connectAsApplication(); Statement s = app.createStatement();
                ResultSet rows = s.executeQuery("SELECT decision_log_drop_expired_partitions("
                        + "(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '24 months') AT TIME ZONE 'UTC')")) {
            while (rows.next()) {
                dropped.add(rows.getString(1));
            }
        }

        assertTrue(dropped.contains("access_record_p200203"), dropped.toString());
        assertFalse(partitionExists("access_record_p200203"));
        assertEquals(0, Database.countRecords(List.of(record)));
    }

    /**
     * A replica whose clock is a month ahead, or a retention-months below the floor: the database
     * refuses, nothing is dropped, and the run still completes (no failure, no retry storm) with
     * the refusal in its report for the job to log.
     */
    @Test
    void maintenanceReportsARefusedRetentionAndDropsNothing() throws SQLException {
        Instant lastMonthButOne = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(2).toInstant();
        String record = insertTimelineRecord(lastMonthButOne);
        Instant clockAhead = Instant.now().plus(40, ChronoUnit.DAYS);

        PartitionMaintenanceService.Report report = maintenance.run(clockAhead).await().atMost(Duration.ofSeconds(30));

        assertNotNull(report.retentionRefused(), "the refusal is reported");
        assertTrue(report.retentionRefused().contains("minimum retention 24 months"), report.retentionRefused());
        assertEquals(List.of(), report.dropped());
        assertTrue(partitionExists(partitionName(lastMonthButOne)));
        assertEquals(1, Database.countRecords(List.of(record)));

        PartitionMaintenanceService.Report now = maintenance.run().await().atMost(Duration.ofSeconds(30));
        assertNull(now.retentionRefused(), "the configured 24 months are within the floor");
    }

    private static String insertTimelineRecord(Instant at) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = Database.connect()) {
            try (PreparedStatement s = c.prepareStatement("SELECT decision_log_ensure_partition(?)")) {
                s.setObject(1, LocalDate.ofInstant(at, ZoneOffset.UTC));
                s.executeQuery().close();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO access_record (record_id, occurred_at, kind, charger_id, "
                    + "account_id, payload) VALUES (?, ?, 'expected_mode_changed', 'CP-FLOOR', 'acc-floor', '{}'::jsonb)")) {
                s.setString(1, id);
                s.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                s.executeUpdate();
            }
        }
        return id;
    }

    private static String partitionName(Instant at) {
        LocalDate month = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return String.format("access_record_p%04d%02d", month.getYear(), month.getMonthValue());
    }

    private static boolean partitionExists(String name) {
        return Database.count("SELECT count(*) FROM pg_class WHERE relname = ?", name) == 1;
    }
}
