package com.betterfleet.access.decisionlog.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.Database;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The newest-first listings read an index in order instead of sorting a partition: the primary key
 * (occurred_at, record_id) read backwards for the whole log, the charger index for one charger. Sorting
 * is switched off for the planner, so a plan that still sorts means no index gives that order.
 */
@QuarkusTest
class NewestFirstIndexTest {

    @Test
    void theWholeLogIsListedNewestFirstByReadingThePrimaryKeyBackwards() throws SQLException {
        String plan = plan("SELECT record_id FROM access_record ORDER BY occurred_at DESC, record_id DESC LIMIT 50");
        assertFalse(sorts(plan), plan);
        assertTrue(plan.contains("Index Scan Backward using") || plan.contains("Index Only Scan Backward using"), plan);
        assertTrue(plan.contains("_pkey") || plan.contains("access_record_pk"), plan);
    }

    @Test
    void aKeysetPageAfterACursorIsAlsoAnOrderedIndexRead() throws SQLException {
        String plan = plan("SELECT record_id FROM access_record WHERE (occurred_at, record_id) < (now(), 'z')"
                + " ORDER BY occurred_at DESC, record_id DESC LIMIT 50");
        assertFalse(sorts(plan), plan);
        assertTrue(plan.contains("Backward using") && plan.contains("_pkey"), plan);
    }

    @Test
    void oneChargersRecordsAreListedNewestFirstFromTheChargerIndex() throws SQLException {
        String plan = plan("SELECT record_id FROM access_record WHERE charger_id = 'CP-1'"
                + " ORDER BY occurred_at DESC, record_id DESC LIMIT 50");
        assertFalse(sorts(plan), plan);
        assertTrue(plan.contains("charger_id_occurred_at_record_id_idx"), plan);
    }

    /** A Sort node (not the "Sort Key" of a Merge Append, which merges partitions read in order). */
    private static boolean sorts(String plan) {
        return java.util.regex.Pattern.compile("(?m)^\\s*(->\\s+)?(Incremental )?Sort\\s+\\(").matcher(plan).find();
    }

    private static String plan(String query) throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.execute("SET enable_sort = off");
            s.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
