package com.betterfleet.access.accesspolicy.schedule.application;

import java.time.Instant;
import java.util.Objects;

import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.PolicySource;

/**
 * The expected mode last published for a charger, and when it has to be looked at again.
 *
 * @param since          when this state took effect (as published in {@code effectiveAt})
 * @param nextBoundaryAt the next instant at which it may change; {@code null} never
 * @param modeUntil      the {@code modeUntil} last published; {@code null} when none was, or when the
 *                       state was stored before the field existed
 */
public record TrackedState(
        AccessMode mode,
        PolicySource source,
        String windowId,
        long policyVersion,
        Instant since,
        Instant nextBoundaryAt,
        Instant modeUntil) {

    public TrackedState {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(since, "since");
    }

    /** Whether both name the same mode, source and window (what an expected_mode_changed announces). */
    public boolean sameModeAs(AccessMode otherMode, PolicySource otherSource, String otherWindowId) {
        return mode == otherMode && source == otherSource && Objects.equals(windowId, otherWindowId);
    }
}
