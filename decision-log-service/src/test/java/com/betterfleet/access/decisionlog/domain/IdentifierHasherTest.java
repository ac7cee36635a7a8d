package com.betterfleet.access.decisionlog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shared contract of identifier hashing: docs/contracts/identifier-hash-vectors.json. */
class IdentifierHasherTest {
    private static final Path VECTORS = Path.of("..", "docs", "contracts", "identifier-hash-vectors.json");

    @TestFactory
    Stream<DynamicTest> reproducesEveryContractVector() throws IOException {
        JsonNode file = new ObjectMapper().readTree(VECTORS.toFile());
        IdentifierHasher hasher = new IdentifierHasher(file.get("pepper").asText());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode vector : file.get("vectors")) {
            String token = vector.get("idToken").asText();
            String type = vector.get("idTokenType").isNull() ? null : vector.get("idTokenType").asText();
            tests.add(DynamicTest.dynamicTest("vector " + vector.get("idMask").asText() + " / " + type, () -> {
                assertEquals(vector.get("normalised").asText(), IdentifierHasher.normalise(token, type), "normalised");
                assertEquals(vector.get("idHash").asText(), hasher.hash(token, type), "idHash");
                assertEquals(vector.get("idMask").asText(), IdentifierHasher.mask(token, type), "idMask");
            }));
        }
        assertTrue(tests.size() >= 10, "the vector file lists at least 10 vectors");
        return tests.stream();
    }

    @Test
    void searchWithoutTypeAlsoMatchesTheTrimmedOnlyHashOfAHexLookingToken() {
        IdentifierHasher hasher = new IdentifierHasher("p");
        assertEquals(Set.of(hasher.hash("ab12cd", null), hasher.hash("ab12cd", "KeyCode")),
                hasher.searchHashes("ab12cd", null));
        assertEquals(1, hasher.searchHashes("FLEET-BUS-0012", null).size());
        assertEquals(Set.of(hasher.hash("ab12cd", "KeyCode")), hasher.searchHashes("ab12cd", "KeyCode"));
    }

    @Test
    void refusesAMissingPepper() {
        assertThrows(IllegalArgumentException.class, () -> new IdentifierHasher(" "));
    }

    @Test
    void neverShowsThePepper() {
        assertFalse(new IdentifierHasher("s3cret-pepper").toString().contains("s3cret"));
    }
}
