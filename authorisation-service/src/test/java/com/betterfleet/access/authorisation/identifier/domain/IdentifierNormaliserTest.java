package com.betterfleet.access.authorisation.identifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class IdentifierNormaliserTest {
    private static final IdentifierHasher HASHER = new IdentifierHasher("contract-test-pepper");

    @Test
    void keepsCaseOfNonHexIdTags() {
        assertEquals("Fleet-Bus-0012", IdentifierNormaliser.normalise(" Fleet-Bus-0012\t", null));
    }

    @Test
    void doesNotTreatOddLengthHexAsOctets() {
        assertFalse(IdentifierNormaliser.isHexOctets("3F9"));
        assertFalse(IdentifierNormaliser.isHexOctets("04:A2:"));
        assertFalse(IdentifierNormaliser.isHexOctets("04::A2"));
        assertTrue(IdentifierNormaliser.isHexOctets("04 a2-3f:9A"));
    }

    @Test
    void leavesHexOfNonRfidTypesAlone() {
        assertEquals("aabb", IdentifierNormaliser.normalise("aabb", IdTokenType.KeyCode));
        assertEquals("AABB", IdentifierNormaliser.normalise("aabb", IdTokenType.ISO15693));
    }

    @Test
    void masksShortIdentifiersFully() {
        assertEquals("RFID ••••", HASHER.hash("04A2", IdTokenType.ISO14443).idMask());
        assertEquals("idTag ••••", HASHER.hash("x", null).idMask());
    }

    @Test
    void masksCountCharactersNotUtf16UnitsSoNoSurrogatePairIsCut() {
        // four code points, five UTF-16 units: fully masked, as decision-log-service masks it
        assertEquals("Local ••••", HASHER.hash("ab\ud83d\ude8cc", IdTokenType.Local).idMask());
        assertEquals("Local ••••b\ud83d\ude8ccd", HASHER.hash("xab\ud83d\ude8ccd", IdTokenType.Local).idMask());
    }

    @Test
    void relabelsAMaskKeepingItsVisibleEnd() {
        assertEquals("KeyCode ••••3F9A", MaskedIdentifier.relabel(HASHER.hash("04a2:3f:9a", null).idMask(), "KeyCode"));
        assertEquals("Local ••••", MaskedIdentifier.relabel(HASHER.hash("x", null).idMask(), "Local"));
        assertThrows(IllegalArgumentException.class, () -> MaskedIdentifier.relabel("04A23F9A", "Local"));
    }

    @Test
    void differentPeppersGiveDifferentHashes() {
        assertNotEquals(HASHER.hash("04A23F9A", null).idHash(), new IdentifierHasher("other").hash("04A23F9A", null).idHash());
    }

    @Test
    void refusesAnEmptyPepper() {
        assertThrows(IllegalArgumentException.class, () -> new IdentifierHasher(" "));
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll("tokens") String token, @ForAll("types") IdTokenType type) {
        String once = IdentifierNormaliser.normalise(token, type);
        assertEquals(once, IdentifierNormaliser.normalise(once, type));
    }

    @Property
    void separatorsAndCaseOfHexUidsDoNotChangeTheHash(@ForAll("hexOctets") String compact) {
        StringBuilder separated = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 2) {
            if (i > 0) {
                separated.append(':');
            }
            separated.append(compact, i, i + 2);
        }
        assertEquals(HASHER.hash(compact.toUpperCase(), IdTokenType.ISO14443).idHash(),
                HASHER.hash(separated.toString().toLowerCase(), null).idHash());
    }

    @Property
    void maskNeverShowsMoreThanTheLastFourCharacters(@ForAll @StringLength(min = 1, max = 36) String token) {
        if (token.isBlank()) {
            return;
        }
        HashedIdentifier hashed = HASHER.hash(token, null);
        String normalised = IdentifierNormaliser.normalise(token, null);
        String visible = hashed.idMask().substring(hashed.idMask().indexOf(MaskedIdentifier.DOTS) + MaskedIdentifier.DOTS.length());
        int length = normalised.codePointCount(0, normalised.length());
        assertTrue(visible.codePointCount(0, visible.length()) <= 4);
        if (length > 4) {
            assertEquals(normalised.substring(normalised.offsetByCodePoints(0, length - 4)), visible);
        } else {
            assertEquals("", visible);
        }
        assertTrue(hashed.idMask().length() <= 44);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEFxyz:- ").ofMinLength(1).ofMaxLength(36)
                .filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<IdTokenType> types() {
        return Arbitraries.of(IdTokenType.values()).injectNull(0.3);
    }

    @Provide
    Arbitrary<String> hexOctets() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofMinLength(1).ofMaxLength(10).map(s -> s + s);
    }
}
