package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.Instant;

/**
 * A temporary mode that wins over the schedule for every instant before {@code until}; from
 * {@code until} on the schedule resumes. When it was set does not matter to evaluation, so it is
 * not part of the value.
 */
public record AccessOverride(AccessMode mode, Instant until, String reason) {
    public static final int MAX_REASON_LENGTH = 500;

    public AccessOverride {
        if (mode == null) {
            throw new InvalidPolicyException("mode", "is required");
        }
        if (until == null) {
            throw new InvalidPolicyException("until", "is required");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidPolicyException("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
    }

    /** Whether the override is in force at {@code instant}; an override whose {@code until} has passed is inert. */
    public boolean appliesAt(Instant instant) {
        return instant.isBefore(until);
    }
}
