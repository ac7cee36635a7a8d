package com.betterfleet.access.decisionlog.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.betterfleet.access.decisionlog.support.Database;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The database's own format checks on kind and id_hash (V4, without regular expressions) accept and
 * refuse what V1's patterns did: {@code ^[a-z][a-z0-9_]{0,63}$} and {@code ^[0-9a-f]{64}$}.
 */
@QuarkusTest
class FormatChecksTest {
    private static final String CHECK_VIOLATION = "23514";
    private static final String HASH = "0123456789abcdef".repeat(4);

    @ParameterizedTest
    @ValueSource(strings = { "policy_changed", "a", "x9_", "k123456789012345678901234567890123456789012345678901234567890123" })
    void acceptsAKindOfLowercaseLettersDigitsAndUnderscoresUpTo64(String kind) {
        assertDoesNotThrow(() -> insert(kind, null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Policy_changed", "9policy", "_policy", "policy-changed", "policy changed", "policy\n",
            "pölicy", "k1234567890123456789012345678901234567890123456789012345678901234" })
    void refusesAnyOtherKind(String kind) {
        SQLException refused = assertThrows(SQLException.class, () -> insert(kind, null));
        assertEquals(CHECK_VIOLATION, refused.getSQLState(), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" })
    void acceptsAnIdHashOf64LowercaseHexDigits(String idHash) {
        assertDoesNotThrow(() -> insert("policy_changed", idHash));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n",
            "04A1B2C3D4E5F6", "é123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde" })
    void refusesAnIdHashThatIsNotOneRawIdentifierCouldBe(String idHash) {
        SQLException refused = assertThrows(SQLException.class, () -> insert("policy_changed", idHash));
        assertEquals(CHECK_VIOLATION, refused.getSQLState(), refused.getMessage());
    }

    /**
     * The constraints as the database holds them, evaluated against V1's patterns over every character
     * below U+3000 and a sample of the rest of the BMP, alone and at the first, a middle and the last place of otherwise valid values of
     * lengths 1, 2, 63, 64 and 65 (and the valid values themselves): no value where the two disagree.
     */
    @ParameterizedTest
    @ValueSource(strings = { "access_record_kind_format|kind|^[a-z][a-z0-9_]{0,63}$|a",
            "access_record_id_hash_format|id_hash|^[0-9a-f]{64}$|0" })
    void agreesWithTheV1PatternOnEveryCharacterAndLength(String spec) throws SQLException {
        String[] parts = spec.split("\\|");
        String constraint = parts[0];
        String column = parts[1];
        String pattern = parts[2];
        String filler = parts[3];
        try (Connection c = Database.connect()) {
            String definition;
            try (PreparedStatement s = c.prepareStatement("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conname = ? AND conrelid = 'access_record'::regclass")) {
                s.setString(1, constraint);
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    definition = rs.getString(1);
                }
            }
            String check = definition.replaceFirst("^CHECK ", "").replaceFirst(" NOT VALID$", "")
                    .replaceAll("\\b" + column + "\\b", "v");
            String sql = "WITH chars AS (SELECT chr(cp) AS ch FROM generate_series(1, 65535) cp"
                    + "   WHERE cp NOT BETWEEN 55296 AND 57343 AND (cp < 12288 OR cp % 97 = 0)),"
                    + " lengths AS (SELECT n FROM (VALUES (1), (2), (63), (64), (65)) l(n)),"
                    + " candidates AS ("
                    + "   SELECT ch AS v FROM chars UNION ALL SELECT ''"
                    + "   UNION ALL SELECT repeat(?, n) FROM lengths"
                    + "   UNION ALL SELECT overlay(repeat(?, n) PLACING ch FROM p FOR 1)"
                    + "     FROM chars, lengths, LATERAL (VALUES (1), ((n + 1) / 2), (n)) at(p))"
                    + " SELECT count(*), count(*) FILTER (WHERE (v ~ ?) IS DISTINCT FROM (" + check + ")) FROM candidates";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, filler);
                s.setString(2, filler);
                s.setString(3, pattern);
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertTrue(rs.getLong(1) > 190_000, "candidates: " + rs.getLong(1));
                    assertEquals(0, rs.getLong(2), "values where " + check + " and ~ '" + pattern + "' disagree");
                }
            }
        }
    }

    private static void insert(String kind, String idHash) throws SQLException {
        try (Connection c = Database.connect();
                PreparedStatement s = c.prepareStatement("INSERT INTO access_record (record_id, occurred_at, kind, charger_id,"
                        + " id_hash, payload) VALUES (?, ?, ?, ?, ?, '{}'::jsonb)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            s.setString(3, kind);
            s.setString(4, "CP-FORMAT-" + UUID.randomUUID());
            s.setString(5, idHash);
            s.executeUpdate();
        }
    }
}
