package com.betterfleet.access.authorisation.registry.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.shared.config.IdentifierConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Removes identifier tombstones once they can no longer matter. A tombstone does two jobs: replicas
 * learn of the delete from it (within seconds), and its {@code changedAt} refuses a late, older
 * upsert of the same identifier (a redelivery or a reordered feed). Both are over long before
 * {@code access.identifiers.tombstone-retention} (default 30 days); kept for ever, tombstones would
 * only grow the table that every replica reads at start. Runs in bounded batches; every replica
 * may run it (a second run finds nothing).
 */
@Singleton
public class TombstonePurge {
    private static final Logger LOG = Logger.getLogger(TombstonePurge.class);
    /** Tombstones removed per transaction. */
    static final int BATCH = 1000;
    /** Batches per run at most: a backlog is worked off over several runs instead of in one long one. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private final IdentifierStore store;
    private final IdentifierConfig config;
    private final Clock clock;
    private final Counter purged;

    /**
     * The shortest retention accepted. A replica that lags (a long database outage) must still find
     * the tombstone when it catches up, or it keeps the deleted identifier until it restarts.
     */
    static final Duration MIN_RETENTION = Duration.ofDays(1);

    @Inject
    public TombstonePurge(IdentifierStore store, IdentifierConfig config, MeterRegistry registry) {
        this(store, config, registry, Clock.systemUTC());
    }

    TombstonePurge(IdentifierStore store, IdentifierConfig config, MeterRegistry registry, Clock clock) {
        if (config.tombstoneRetention().compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("access.identifiers.tombstone-retention must be at least " + MIN_RETENTION
                    + " (replicas that lag must still find a delete's tombstone), not " + config.tombstoneRetention());
        }
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.purged = Counter.builder("authorisation.identifiers.tombstones.purged")
                .description("Identifier tombstones removed after the tombstone retention").register(registry);
    }

    /** One run: tombstones written before now minus the retention; returns how many went. */
    public Uni<Integer> run() {
        Instant cutoff = clock.instant().minus(config.tombstoneRetention());
        return batch(cutoff, 0, 0).invoke(total -> {
            if (total > 0) {
                LOG.infof("Purged %d identifier tombstones written before %s", total, cutoff);
            }
        });
    }

    private Uni<Integer> batch(Instant cutoff, int done, int total) {
        return store.purgeTombstones(cutoff, BATCH).chain(removed -> {
            purged.increment(removed);
            int sum = total + removed;
            return removed < BATCH || done + 1 >= MAX_BATCHES_PER_RUN
                    ? Uni.createFrom().item(sum)
                    : batch(cutoff, done + 1, sum);
        });
    }
}
