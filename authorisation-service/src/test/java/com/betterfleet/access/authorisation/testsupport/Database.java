package com.betterfleet.access.authorisation.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.betterfleet.access.local.testsupport.PostgresTestResource;

/** Plain JDBC access to the service's own database, to look at what it stored. */
public final class Database {
    public static final String NAME = "authorisation";

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return PostgresTestResource.server().connect(NAME);
    }

    public static long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long outboxBacklog() {
        return count("SELECT count(*) FROM decision_outbox");
    }

    /** Every (table.column) of a text-like type in the public schema, plus how often it contains {@code needle}. */
    public static List<String> columnsContaining(String needle) {
        List<String> hits = new ArrayList<>();
        try (Connection c = connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
            if (columns.isEmpty()) {
                throw new IllegalStateException("no text columns found: wrong database?");
            }
            for (String[] column : columns) {
                String sql = "SELECT count(*) FROM \"" + column[0] + "\" WHERE position(upper(?) in upper(\"" + column[1]
                        + "\"::text)) > 0";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, needle);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    public static void execute(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
