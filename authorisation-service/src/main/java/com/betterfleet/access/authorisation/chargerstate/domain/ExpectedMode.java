package com.betterfleet.access.authorisation.chargerstate.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The expected mode of a charger as announced by access-policy-service
 * ({@code charger_access.expected_mode_changed}).
 *
 * @param effectiveAt when this mode started
 * @param until the next boundary (end of this mode), or null if none is known
 */
public record ExpectedMode(AccessMode mode, Instant effectiveAt, Instant until, PolicySource source, String windowId,
        long policyVersion) {

    public ExpectedMode {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(source, "source");
        if (policyVersion < 0) {
            throw new IllegalArgumentException("policyVersion must not be negative");
        }
    }

    /** Ordering of expected modes: by policy version, then by effective time. */
    public boolean isNewerThan(ExpectedMode other) {
        if (policyVersion != other.policyVersion) {
            return policyVersion > other.policyVersion;
        }
        return effectiveAt.isAfter(other.effectiveAt);
    }
}
