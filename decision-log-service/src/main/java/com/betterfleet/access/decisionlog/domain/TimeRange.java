package com.betterfleet.access.decisionlog.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A half-open interval [from, to); either end may be open. from is before to when both are set. */
public record TimeRange(Instant from, Instant to) {
    public static final TimeRange UNBOUNDED = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public Optional<Instant> fromInclusive() {
        return Optional.ofNullable(from);
    }

    public Optional<Instant> toExclusive() {
        return Optional.ofNullable(to);
    }

    /** The length, when both ends are set. */
    public Optional<Duration> length() {
        return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
