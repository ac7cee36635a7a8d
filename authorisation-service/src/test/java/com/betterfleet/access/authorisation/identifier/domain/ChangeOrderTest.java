package com.betterfleet.access.authorisation.identifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a change replaces what is stored under its key (identifier-item.schema.json changedAt). */
class ChangeOrderTest {
    private static final Instant T1 = Instant.parse("2030-03-04T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(1);
    private static final Instant NOW = T1.plusSeconds(60);

    @Test
    void aDatedChangeAppliesOnlyWhenStrictlyNewer() {
        assertTrue(ChangeOrder.supersedes(T2, T1, NOW));
        assertFalse(ChangeOrder.supersedes(T1, T2, NOW), "older: reordered");
        assertFalse(ChangeOrder.supersedes(T1, T1, NOW), "equal: a redelivery of the change already applied");
    }

    @Test
    void anythingAppliesWhereNoChangeTimeIsKnown() {
        assertTrue(ChangeOrder.supersedes(T1, null, NOW), "nothing stored, or a row from before changedAt");
        assertTrue(ChangeOrder.supersedes(null, null, NOW));
    }

    @Test
    void anUndatedChangeAlwaysAppliesAndIsStampedNoEarlierThanWhatItReplaced() {
        assertTrue(ChangeOrder.supersedes(null, T2, NOW), "last writer wins over older changes");
        assertTrue(ChangeOrder.supersedes(null, NOW, NOW), "an earlier undated item of the same batch");
        assertTrue(ChangeOrder.supersedes(null, NOW.plusSeconds(180), NOW),
                "an operator's block applies even over a feed change dated ahead of our clock");
        assertEquals(NOW, ChangeOrder.stamp(null, T2, NOW));
        assertEquals(NOW, ChangeOrder.stamp(null, null, NOW));
        assertEquals(NOW.plusSeconds(180), ChangeOrder.stamp(null, NOW.plusSeconds(180), NOW),
                "so a feed item older than the one it replaced is still stale afterwards");
        assertEquals(T1, ChangeOrder.stamp(T1, T2, NOW), "a dated change keeps its own date");
    }

    @Test
    void comparesAtTheMicrosecondsTheDatabaseKeeps() {
        Instant sent = Instant.parse("2030-03-04T10:00:00.123456789Z");
        Instant stored = ChangeOrder.stamp(sent, null, NOW);
        assertEquals(Instant.parse("2030-03-04T10:00:00.123456Z"), stored);
        assertFalse(ChangeOrder.supersedes(sent, stored, NOW), "the redelivered item equals its stored self");
        assertTrue(ChangeOrder.supersedes(sent.plusNanos(1_000), stored, NOW));
    }
}
