package com.betterfleet.access.authorisation.replica.application;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * The heap's old generation, where the in-memory state ends up. When the state fills most of it,
 * every collection becomes a full one and Authorize stalls for seconds instead of failing: the
 * registry benchmark showed that at a million identifiers before the entries were made smaller
 * (docs/benchmarks.md, "Registry scale"). So the initial load says how full it is.
 */
record OldGeneration(long usedBytes, long maxBytes) {
    /** Above this share in use after the initial load, warn: what is left is young garbage's overflow. */
    static final double WARN_ABOVE = 0.8;

    /** This JVM's old generation (Serial's Tenured Gen, G1's or Parallel's Old Gen), or null if none is named so. */
    static OldGeneration ofThisJvm() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                long max = pool.getUsage().getMax();
                return max > 0 ? new OldGeneration(pool.getUsage().getUsed(), max) : null;
            }
        }
        return null;
    }

    String describe() {
        return String.format(Locale.ROOT, "old generation %d of %d MiB in use", usedBytes >> 20, maxBytes >> 20);
    }

    /** The warning to log once the state is loaded, or null while there is room. */
    String warningAfterLoad(int identifiers) {
        double used = (double) usedBytes / maxBytes;
        if (used <= WARN_ABOVE) {
            return null;
        }
        return String.format(Locale.ROOT, "the loaded state (%d identifiers) fills %.0f%% of the old generation"
                + " (%d MiB): near full, collections stall Authorize for seconds; raise the memory limit"
                + " (docs/runbook.md, \"Memory\")", identifiers, 100 * used, maxBytes >> 20);
    }
}
