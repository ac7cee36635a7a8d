package com.betterfleet.access.authorisation.identifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which registration a delete item names. With idTokenType: the one under that type's hash.
 * Without: the one whose own type's normalisation of the value gives its stored hash.
 */
class DeleteCommandTest {
    private final IdentifierHasher hasher = new IdentifierHasher("contract-test-pepper");
    private final IdentifierItemValidator validator = new IdentifierItemValidator(hasher);

    private static final List<IdTokenType> REGISTRABLE = Arrays.stream(IdTokenType.values())
            .filter(IdTokenType::registrable).toList();

    private IdentifierCommand.Delete delete(String idToken, String idTokenType) {
        ItemValidation v = validator.validate(
                new RawIdentifierItem("delete", "acc-A", idToken, idTokenType, null, null, null, null, null, null), List.of());
        return assertInstanceOf(IdentifierCommand.Delete.class, v.command());
    }

    /** The hash a registration of {@code value} as {@code type} is stored under. */
    private String stored(String value, IdTokenType type) {
        return hasher.hash(value, type).idHash();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ab12cd34", "04:a2:3f:9a", "04-A2-3F-9A", " 0a 1b 2c ", "AB12CD34", "FLEET-BUS-0012",
            "driver 42", "DE*ABC*C12345*6" })
    void aTypelessDeleteNamesTheRegistrationOfEveryTypeThatNormalisesTheValueToItsHash(String value) {
        IdentifierCommand.Delete delete = delete(value, null);
        for (IdTokenType registered : REGISTRABLE) {
            assertTrue(delete.names(stored(value, registered), registered), value + " registered as " + registered);
            for (IdTokenType other : REGISTRABLE) {
                boolean sameForm = stored(value, registered).equals(stored(value, other));
                assertEquals(sameForm, delete.names(stored(value, registered), other),
                        value + " registered as " + registered + ", stored type " + other);
            }
        }
    }

    @Test
    void aLowerCaseHexValueHasTwoCandidatesAndEachOnlyForItsKindOfType() {
        IdentifierCommand.Delete delete = delete("ab12cd34", null);
        String idTag = stored("ab12cd34", IdTokenType.ISO14443);
        String verbatim = stored("ab12cd34", IdTokenType.KeyCode);

        assertEquals(List.of(idTag, verbatim), delete.candidateHashes());
        assertTrue(delete.names(verbatim, IdTokenType.KeyCode));
        assertTrue(delete.names(idTag, IdTokenType.ISO14443));
        // the KeyCode "AB12CD34" is another code: stored under the idTag hash, it is not named
        assertFalse(delete.names(idTag, IdTokenType.KeyCode));
        assertFalse(delete.names(idTag, IdTokenType.Local));
    }

    @Test
    void aValueTheHexRuleLeavesAloneHasOneCandidate() {
        assertEquals(1, delete("AB12CD34", null).candidateHashes().size());
        assertEquals(1, delete("FLEET-BUS-0012", null).candidateHashes().size());
    }

    @Test
    void aTypedDeleteHasOneCandidateAndNamesWhateverIsStoredUnderIt() {
        IdentifierCommand.Delete delete = delete("ab12cd34", "KeyCode");
        String verbatim = stored("ab12cd34", IdTokenType.KeyCode);

        assertEquals(List.of(verbatim), delete.candidateHashes());
        assertTrue(delete.names(verbatim, IdTokenType.KeyCode));
        assertTrue(delete.names(verbatim, IdTokenType.Local));
        assertEquals(List.of(stored("ab12cd34", IdTokenType.ISO14443)), delete("ab12cd34", "ISO14443").candidateHashes());
    }
}
