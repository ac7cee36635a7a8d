package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.Instant;

/** One piece of a resolved schedule: {@code [from, to)} with a constant mode, source and window. */
public record ResolvedInterval(AccessMode mode, Instant from, Instant to, PolicySource source, String windowId) {

    public ResolvedInterval {
        if (mode == null || from == null || to == null || source == null) {
            throw new IllegalArgumentException("mode, from, to and source are required");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
