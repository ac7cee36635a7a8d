package com.betterfleet.access.authorisation.identifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reproduces docs/contracts/identifier-hash-vectors.json exactly (shared with decision-log-service). */
class IdentifierHashVectorsTest {
    private static final Path VECTORS = Path.of("..", "docs", "contracts", "identifier-hash-vectors.json");

    record Vector(String idToken, IdTokenType type, String normalised, String idHash, String idMask, String pepper) {
        @Override
        public String toString() {
            return idToken + " / " + type;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        JsonNode root = new ObjectMapper().readTree(VECTORS.toFile());
        String pepper = root.get("pepper").asText();
        List<Vector> vectors = new ArrayList<>();
        for (JsonNode v : root.get("vectors")) {
            IdTokenType type = v.get("idTokenType").isNull() ? null
                    : IdTokenType.fromWire(v.get("idTokenType").asText()).orElseThrow();
            vectors.add(new Vector(v.get("idToken").asText(), type, v.get("normalised").asText(), v.get("idHash").asText(),
                    v.get("idMask").asText(), pepper));
        }
        assertFalse(vectors.isEmpty());
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void normalisesLikeTheContract(Vector v) {
        assertEquals(v.normalised(), IdentifierNormaliser.normalise(v.idToken(), v.type()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void hashesAndMasksLikeTheContract(Vector v) {
        HashedIdentifier hashed = new IdentifierHasher(v.pepper()).hash(v.idToken(), v.type());
        assertEquals(v.idHash(), hashed.idHash());
        assertEquals(v.idMask(), hashed.idMask());
    }
}
