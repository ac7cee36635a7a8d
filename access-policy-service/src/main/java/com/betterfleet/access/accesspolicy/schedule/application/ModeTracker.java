package com.betterfleet.access.accesspolicy.schedule.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.ExpectedMode;
import com.betterfleet.access.accesspolicy.schedule.domain.PolicySource;

/**
 * Compares what the engine expects now with what was last published for a charger, and says what
 * to store and whether to publish {@code expected_mode_changed}. Shared by policy writes and the
 * boundary ticker, so both publish exactly when (mode, source, window) changes, or when the
 * announced end of the current state ({@code until} or {@code modeUntil}) moves.
 */
public final class ModeTracker {
    /** What a charger without a policy is (decisions.md section 5). */
    private static final TrackedState NO_POLICY =
            new TrackedState(AccessMode.MANAGED_ACCESS, PolicySource.NONE, null, 0, Instant.EPOCH, null, null);

    private final Duration recheckAfter;

    /** @param recheckAfter when the engine sees no boundary within its horizon, look again after this long */
    public ModeTracker(Duration recheckAfter) {
        this.recheckAfter = recheckAfter;
    }

    /** What to store, and the event to publish if the mode, source or window changed. */
    public record Step(TrackedState next, Optional<ExpectedModeChangedData> change) {
    }

    /**
     * @param previous    the stored state, {@code null} when the charger had no policy
     * @param expected    the engine's answer at {@code now}
     * @param effectiveAt when a change took effect: the write's instant for a policy write, the
     *                    boundary for the ticker; an unchanged state that is announced again (its
     *                    end moved) keeps the instant it began
     */
    public Step track(ChargerRef charger, TrackedState previous, ExpectedMode expected, Instant now, Instant effectiveAt) {
        TrackedState before = previous == null ? NO_POLICY : previous;
        Instant nextBoundary = expected.until() != null ? expected.until() : now.plus(recheckAfter);
        if (before.sameModeAs(expected.mode(), expected.source(), expected.windowId())) {
            TrackedState next = new TrackedState(before.mode(), before.source(), before.windowId(),
                    expected.policyVersion(), previous == null ? effectiveAt : before.since(), nextBoundary,
                    expected.modeUntil());
            // Same mode, but its end moved (an override extended, a window's end changed): consumers
            // hold `until` (authorisation's expiryDate and freevend end), so they must hear of it.
            boolean untilMoved = previous != null && expected.until() != null
                    && !expected.until().equals(before.nextBoundaryAt());
            // The same for modeUntil, which a write can move without touching `until` (a later window
            // of the same mode edited or removed); consumers that prefer it would otherwise keep a
            // stale end, even one later than the real one. Moving to null is announced too.
            boolean modeUntilMoved = previous != null && !Objects.equals(expected.modeUntil(), before.modeUntil());
            // The state goes on, so its announcement keeps the instant it began: with the write's
            // instant, a consumer whose clock ran behind ours would take freevend as not started yet
            // (fail closed: managed) for the length of the skew.
            return new Step(next, untilMoved || modeUntilMoved
                    ? Optional.of(change(charger, before, expected, before.since())) : Optional.empty());
        }
        TrackedState next = new TrackedState(expected.mode(), expected.source(), expected.windowId(),
                expected.policyVersion(), effectiveAt, nextBoundary, expected.modeUntil());
        return new Step(next, Optional.of(change(charger, before, expected, effectiveAt)));
    }

    private static ExpectedModeChangedData change(ChargerRef charger, TrackedState before, ExpectedMode expected,
            Instant effectiveAt) {
        return new ExpectedModeChangedData(
                charger.accountId(),
                charger.chargerId(),
                charger.depotId(),
                before.mode().wire(),
                expected.mode().wire(),
                effectiveAt.toString(),
                expected.until() == null ? null : expected.until().toString(),
                expected.modeUntil() == null ? null : expected.modeUntil().toString(),
                expected.source().wire(),
                expected.windowId(),
                expected.policyVersion());
    }

    /** The step of a charger leaving scheduled access: managed access, source none. */
    public Step leave(ChargerRef charger, TrackedState previous, long deletedVersion, Instant now) {
        ExpectedMode none = new ExpectedMode(AccessMode.MANAGED_ACCESS, null, null, null, PolicySource.NONE, null,
                deletedVersion);
        TrackedState before = previous == null ? NO_POLICY : previous;
        if (before.sameModeAs(none.mode(), none.source(), none.windowId())) {
            return new Step(null, Optional.empty());
        }
        return new Step(null, track(charger, previous, none, now, now).change());
    }
}
