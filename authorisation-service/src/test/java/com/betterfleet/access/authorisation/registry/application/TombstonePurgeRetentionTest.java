package com.betterfleet.access.authorisation.registry.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierCommand;
import com.betterfleet.access.authorisation.shared.config.IdentifierConfig;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** The purge's cutoff and its guard against a retention too short for a lagging replica. */
class TombstonePurgeRetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    /** A store that only records what it was asked to purge (the database side has its own test). */
    private static final class RecordingStore implements IdentifierStore {
        final List<Instant> cutoffs = new ArrayList<>();

        @Override
        public Uni<List<ItemStatus>> apply(List<IdentifierCommand> commands) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<List<IdentifierView>> page(String accountId, AccessClass accessClass, String afterAccountId,
                String afterIdHash, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<Integer> purgeTombstones(Instant writtenBefore, int max) {
            cutoffs.add(writtenBefore);
            return Uni.createFrom().item(0);
        }
    }

    private static IdentifierConfig retention(Duration retention) {
        return new IdentifierConfig() {
            public String pepper() {
                return "p";
            }

            public int batchMaxItems() {
                return 1000;
            }

            public int pageSize() {
                return 100;
            }

            public int maxPageSize() {
                return 500;
            }

            public Duration tombstoneRetention() {
                return retention;
            }

            public Duration tombstonePurgeEvery() {
                return Duration.ofHours(1);
            }
        };
    }

    private static TombstonePurge purge(IdentifierStore store, Duration retention) {
        return new TombstonePurge(store, retention(retention), new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void removesWhatWasWrittenBeforeNowMinusTheRetention() {
        RecordingStore store = new RecordingStore();
        purge(store, Duration.ofDays(30)).run().await().indefinitely();
        assertTrue(store.cutoffs.equals(List.of(Instant.parse("2026-10-25T10:00:00Z"))), store.cutoffs.toString());
    }

    @Test
    void refusesARetentionShorterThanADay() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> purge(new RecordingStore(), Duration.ofMinutes(1)));
        assertTrue(refused.getMessage().contains("tombstone-retention"), refused.getMessage());
        assertDoesNotThrow(() -> purge(new RecordingStore(), Duration.ofDays(1)));
    }
}
