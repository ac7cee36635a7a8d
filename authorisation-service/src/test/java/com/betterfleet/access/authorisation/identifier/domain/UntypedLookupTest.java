package com.betterfleet.access.authorisation.identifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An OCPP 1.6 idTag carries no type, but registrations do. Looking it up by its hash as an idTag
 * and, where it differs, by its verbatim (trimmed-only) hash must find a registration of any type
 * whose normalised value is what the charger sent.
 */
class UntypedLookupTest {
    private static final IdentifierHasher HASHER = new IdentifierHasher("contract-test-pepper");
    private static final List<IdTokenType> REGISTRABLE = Arrays.stream(IdTokenType.values())
            .filter(IdTokenType::registrable).toList();

    /** The hashes an untyped idTag is looked up by, in lookup order. */
    private static List<String> lookupHashes(String idTag) {
        String verbatim = HASHER.verbatimHash(idTag, null);
        String asIdTag = HASHER.hash(idTag, null).idHash();
        return verbatim == null ? List.of(asIdTag) : List.of(asIdTag, verbatim);
    }

    @ParameterizedTest(name = "{0} registered as {1}")
    @CsvSource({
            "ab12cd34, KeyCode", "ab12cd34, Local", "ab12cd34, eMAID", "ab12cd34, Central",
            "AB:12:CD:34, Local", "ab-12, KeyCode", "'ab 12', Central", "aB12, Local",
            "ab12cd34, ISO14443", "ab12cd34, ISO15693", "aa:bb:cc:dd:ee:ff, MacAddress",
            "AB12CD34, Local", "AB12CD34, ISO14443", "FLEET-BUS-0012, Local", "fleet-bus-0012, eMAID",
            "3f9, KeyCode", "DE*ABC*C123456*7, eMAID"})
    void findsTheRegistrationWhateverItsType(String token, String type) {
        String registered = HASHER.hash(token, IdTokenType.valueOf(type)).idHash();
        assertTrue(lookupHashes(token).contains(registered));
        assertTrue(lookupHashes("  " + token + "\t").contains(registered), "surrounding blanks are trimmed");
    }

    @Test
    void theRegisteredTokenAsItWasWrittenDifferentlyIsStillOnlyFoundByTheHexRule() {
        // A Local "ab12cd34" is what a keypad sends; the same letters upper-cased are another key.
        String local = HASHER.hash("ab12cd34", IdTokenType.Local).idHash();
        assertFalse(lookupHashes("AB12CD34").contains(local));
    }

    @Test
    void hasNoSecondHashWhenTheHexRuleChangesNothing() {
        assertNull(HASHER.verbatimHash("04A23F9A", null), "upper-case compact hex");
        assertNull(HASHER.verbatimHash(" 04A23F9A ", null), "blanks only");
        assertNull(HASHER.verbatimHash("FLEET-BUS-0012", null), "not hex octets");
        assertNull(HASHER.verbatimHash("fleet-bus-0012", null), "not hex octets, lower case");
        assertNull(HASHER.verbatimHash("3f9", null), "odd number of hex digits");
        assertNull(HASHER.verbatimHash("04:a2:", null), "trailing separator");
    }

    @Test
    void aTypedTokenHasNoSecondHash() {
        for (IdTokenType type : IdTokenType.values()) {
            assertNull(HASHER.verbatimHash("ab:12:cd", type), type.name());
        }
    }

    @ParameterizedTest
    @CsvSource({"ab12cd34", "AB:12:CD:34", "ab-12", "'ab 12'", "aB"})
    void theSecondHashIsTheTrimmedValueAsATypeWithoutHexRuleStoresIt(String token) {
        String verbatim = HASHER.verbatimHash(" " + token + " ", null);
        assertEquals(HASHER.hash(token, IdTokenType.KeyCode).idHash(), verbatim);
        assertNotEquals(HASHER.hash(token, null).idHash(), verbatim);
    }

    @Test
    void hexRuleChangesOnlyHexOctetsWithLowerCaseOrSeparators() {
        assertTrue(IdentifierNormaliser.hexRuleChanges("ab"));
        assertTrue(IdentifierNormaliser.hexRuleChanges("AB:CD"));
        assertTrue(IdentifierNormaliser.hexRuleChanges("AB CD"));
        assertTrue(IdentifierNormaliser.hexRuleChanges("AB-Cd"));
        assertFalse(IdentifierNormaliser.hexRuleChanges("ABCD"));
        assertFalse(IdentifierNormaliser.hexRuleChanges("0123"));
        assertFalse(IdentifierNormaliser.hexRuleChanges("abc"));
        assertFalse(IdentifierNormaliser.hexRuleChanges("xy"));
        assertFalse(IdentifierNormaliser.hexRuleChanges(""));
    }

    @Property(tries = 2000)
    void anUntypedLookupFindsEveryRegistrationOfTheSameToken(@ForAll("tokens") String token) {
        List<String> hashes = lookupHashes(token);
        for (IdTokenType type : REGISTRABLE) {
            assertTrue(hashes.contains(HASHER.hash(token, type).idHash()), type.name());
        }
    }

    @Property(tries = 2000)
    void theSecondHashExistsExactlyWhenTheHexRuleChangedTheValue(@ForAll("tokens") String token) {
        String trimmed = token.strip();
        boolean changed = !IdentifierNormaliser.normalise(trimmed, null).equals(trimmed);
        assertEquals(changed, IdentifierNormaliser.hexRuleChanges(trimmed));
        assertEquals(changed, HASHER.verbatimHash(token, null) != null);
    }

    @Property(tries = 2000)
    void anUntypedLookupFindsOnlyTheTagAsAnIdTagOrVerbatim(@ForAll("tokens") String token, @ForAll boolean upperCase,
            @ForAll("registrable") IdTokenType type) {
        // The same characters in another case: the near misses a lookup must get right.
        String other = upperCase ? token.toUpperCase(Locale.ROOT) : token.toLowerCase(Locale.ROOT);
        String registered = IdentifierNormaliser.normalise(other, type);
        if (lookupHashes(token).contains(HASHER.hashNormalised(registered))) {
            assertTrue(registered.equals(IdentifierNormaliser.normalise(token, null)) || registered.equals(token.strip()));
        }
    }

    @Test
    void aNonHexTypeRegisteredInCanonicalHexIsFoundByTheIdTagHashAsBefore() {
        // Kept from the first release: a Local "AB12CD34" answers the idTag "ab12cd34" too.
        String local = HASHER.hash("AB12CD34", IdTokenType.Local).idHash();
        assertEquals(local, lookupHashes("ab12cd34").get(0));
    }

    @Provide
    Arbitrary<IdTokenType> registrable() {
        return Arbitraries.of(REGISTRABLE);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEFxyz:- ").ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.isBlank());
    }
}
