package com.betterfleet.access.authorisation.replica.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OldGenerationTest {
    private static final long MIB = 1 << 20;

    @Test
    void warnsOnlyWhenTheLoadedStateLeavesLessThanAFifthFree() {
        assertNull(new OldGeneration(286 * MIB, 358 * MIB).warningAfterLoad(1_000_000), "80% in use: still room");
        String warning = new OldGeneration(300 * MIB, 358 * MIB).warningAfterLoad(1_000_000);
        assertNotNull(warning);
        assertTrue(warning.contains("1000000 identifiers") && warning.contains("84%") && warning.contains("358 MiB"), warning);
        assertTrue(warning.contains("raise the memory limit"), warning);
    }

    @Test
    void describesUseInMebibytes() {
        assertEquals("old generation 298 of 358 MiB in use", new OldGeneration(298 * MIB + 5, 358 * MIB).describe());
    }

    @Test
    void findsThisJvmsOldGeneration() {
        OldGeneration old = OldGeneration.ofThisJvm();
        assertNotNull(old, "every HotSpot collector but Epsilon and ZGC names an old generation");
        assertTrue(old.maxBytes() > 0 && old.usedBytes() >= 0);
    }
}
