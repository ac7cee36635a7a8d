package com.betterfleet.access.decisionlog.storage;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
