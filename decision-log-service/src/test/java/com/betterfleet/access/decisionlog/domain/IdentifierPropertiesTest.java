package com.betterfleet.access.decisionlog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Normalisation and masking over any identifier. */
class IdentifierPropertiesTest {
    @Property
    void normalisingTwiceChangesNothing(@ForAll @StringLength(max = 40) String token, @ForAll("types") String type) {
        String once = IdentifierHasher.normalise(token, type);
        assertEquals(once, IdentifierHasher.normalise(once, type));
    }

    @Property
    void separatorsAndCaseOfHexUidsDoNotChangeTheHash(
            @ForAll @StringLength(min = 4, max = 14) @CharRange(from = '0', to = '9') @CharRange(from = 'a', to = 'f') String hex) {
        String even = hex.length() % 2 == 0 ? hex : hex.substring(1);
        StringBuilder separated = new StringBuilder();
        for (int i = 0; i < even.length(); i += 2) {
            separated.append(i == 0 ? "" : ":").append(even, i, i + 2);
        }
        IdentifierHasher hasher = new IdentifierHasher("pepper");
        assertEquals(hasher.hash(even.toUpperCase(), null), hasher.hash(separated.toString(), "ISO14443"));
    }

    @Property
    void aMaskRevealsAtMostTheLastFourCharacters(@ForAll @StringLength(min = 1, max = 40) String token,
            @ForAll("types") String type) {
        String mask = IdentifierHasher.mask(token, type);
        String normalised = IdentifierHasher.normalise(token, type);
        String shown = mask.substring(mask.indexOf("\u2022\u2022\u2022\u2022") + 4);
        assertTrue(shown.codePointCount(0, shown.length()) <= 4, "at most 4 characters shown");
        assertTrue(normalised.endsWith(shown), "only the end is shown");
        if (normalised.codePointCount(0, normalised.length()) <= 4) {
            assertEquals("", shown, "short identifiers are fully masked");
        }
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("ISO14443", "ISO15693", "MacAddress", "KeyCode", "eMAID", "Local").injectNull(0.3);
    }
}
