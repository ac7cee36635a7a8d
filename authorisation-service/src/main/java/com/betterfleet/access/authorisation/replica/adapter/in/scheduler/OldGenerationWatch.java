package com.betterfleet.access.authorisation.replica.adapter.in.scheduler;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.replica.application.ReplicaState;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Warns when a collection of the old generation leaves it more than 80% full. The in-memory state
 * lives there; when it fills most of it, every collection becomes a full one and Authorize stalls
 * for seconds instead of failing, with readiness still UP (docs/benchmarks.md, "Registry scale": a
 * million identifiers before the entries were made smaller). Only the use right after such a
 * collection says what the state takes. The JVM counts those crossings itself (the pool's
 * collection-usage threshold), so none between two checks is missed; the check reads the count
 * every minute.
 */
@Startup
@ApplicationScoped
public class OldGenerationWatch {
    private static final Logger LOG = Logger.getLogger(OldGenerationWatch.class);

    private final ReplicaState state;
    private final MemoryPoolMXBean pool;
    private long crossingsSeen;

    /** Above this share still in use after a collection, warn: what is left is the young generation's overflow. */
    static final double WARN_ABOVE = 0.8;

    public OldGenerationWatch(ReplicaState state) {
        this(state, WARN_ABOVE);
    }

    OldGenerationWatch(ReplicaState state, double warnAbove) {
        this.state = state;
        this.pool = oldGenerationPool();
        if (pool != null) {
            pool.setCollectionUsageThreshold(Math.max(1, (long) (pool.getUsage().getMax() * warnAbove)));
            crossingsSeen = pool.getCollectionUsageThresholdCount();
        } else {
            LOG.info("no old-generation memory pool with a usage threshold in this JVM: the state's heap use is not watched");
        }
    }

    /** Serial's Tenured Gen, Parallel's or G1's Old Gen; null if the collector has none that counts. */
    private static MemoryPoolMXBean oldGenerationPool() {
        for (MemoryPoolMXBean candidate : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = candidate.getName();
            if (candidate.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))
                    && candidate.isCollectionUsageThresholdSupported() && candidate.getUsage().getMax() > 0) {
                return candidate;
            }
        }
        return null;
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "old-generation-watch")
    void run() {
        check();
    }

    /** The warning logged, or null if no collection crossed the threshold since the last check. */
    String check() {
        if (pool == null) {
            return null;
        }
        long crossings = pool.getCollectionUsageThresholdCount();
        if (crossings == crossingsSeen) {
            return null;
        }
        crossingsSeen = crossings;
        MemoryUsage after = pool.getCollectionUsage();
        String warning = String.format(Locale.ROOT, "after a collection the old generation is still %.0f%% full"
                + " (%d of %d MiB; %d identifiers held): near full, collections stall Authorize for seconds; raise the"
                + " memory limit (docs/runbook.md, \"Memory\")", 100.0 * after.getUsed() / after.getMax(),
                after.getUsed() >> 20, after.getMax() >> 20, state.identifierCount());
        LOG.warn(warning);
        return warning;
    }
}
