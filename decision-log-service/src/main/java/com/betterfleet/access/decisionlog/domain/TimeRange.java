package com.betterfleet.access.decisionlog.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** A half-open interval [from, to); either end may be open. from is before to when both are set. */
public record TimeRange(Instant from, Instant to) {
    public static final TimeRange UNBOUNDED = new TimeRange(null, null);

    /**
     * The instants a query may name: the years 1970 to 9999, UTC. ISO-8601 reaches years
     * +-999,999,999, but such values overflow a Duration subtracted from them and PostgreSQL's
     * timestamptz (4713 BC to 294276 AD). Documented in docs/decision-log-service.md.
     */
    public static final Instant EARLIEST = LocalDate.of(1970, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** Exclusive: the first instant after the supported range. */
    public static final Instant END = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final String SUPPORTED_RANGE = "1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z";

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Whether a query may name {@code instant} (see {@link #EARLIEST}). */
    public static boolean supports(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(END);
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
