package com.betterfleet.access.decisionlog.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

import com.betterfleet.access.local.testsupport.PostgresTestResource;

/** Plain JDBC on the service's database, for what the tests check underneath the API. */
public final class Database {
    private Database() {
    }

    public static Connection connect() throws SQLException {
        return PostgresTestResource.server().connect(DecisionLogTestResources.DATABASE);
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
