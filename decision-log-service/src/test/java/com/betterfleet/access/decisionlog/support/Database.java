package com.betterfleet.access.decisionlog.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import com.betterfleet.access.local.testsupport.PostgresTestResource;

/** Plain JDBC on the service's database, for what the tests check underneath the API. */
public final class Database {
    private Database() {
    }

    public static Connection connect() throws SQLException {
        return PostgresTestResource.server().connect(DecisionLogTestResources.DATABASE);
    }

    /**
     * A login that is a member of decision_log_app, as the service connects in production (the
     * tests' service and {@link #connect()} use the owner).
     */
    public static Connection connectAsApplication() throws SQLException {
        try (Connection owner = connect(); Statement s = owner.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'decision_log_app_test') THEN "
                    + "CREATE ROLE decision_log_app_test LOGIN PASSWORD 'app-test' IN ROLE decision_log_app; END IF; END $$");
        }
        String url = PostgresTestResource.server().jdbcUrl(DecisionLogTestResources.DATABASE);
        return DriverManager.getConnection(url, "decision_log_app_test", "app-test");
    }

    /** How many rows the log holds for these record ids (duplicates would show as more). */
    public static long countRecords(Collection<String> recordIds) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM access_record WHERE record_id = ANY(?)")) {
            Array ids = c.createArrayOf("text", recordIds.toArray());
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
