package com.betterfleet.access.authorisation.replica.adapter.in.scheduler;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.replica.application.ReplicaState;

/** On this JVM's real old generation, with a threshold every collection crosses. */
class OldGenerationWatchTest {

    @Test
    void warnsOncePerFullCollectionThatLeavesTheOldGenerationAboveTheThreshold() {
        OldGenerationWatch watch = new OldGenerationWatch(new ReplicaState(), 1e-9);
        assertNull(watch.check(), "no collection since the watch started");
        System.gc();
        // The JVM counts the crossing on its service thread, just after the collection.
        String warning = Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(watch::check, Objects::nonNull);
        assertNotNull(warning, "a full collection left more than a few bytes in the old generation");
        assertTrue(warning.matches("after a collection the old generation is still \\d+% full \\(\\d+ of \\d+ MiB;"
                + " 0 identifiers held\\): .*raise the memory limit.*"), warning);
        assertNull(watch.check(), "the same collection is not reported twice");
    }
}
