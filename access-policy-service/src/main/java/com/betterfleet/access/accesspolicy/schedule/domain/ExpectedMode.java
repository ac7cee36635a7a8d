package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.Instant;

/**
 * The mode a charger should be in at an instant, with the maximal interval {@code [since, until)}
 * around it in which mode, source and window stay the same.
 *
 * @param since     start of that interval; {@code null} when it reaches back further than
 *                  {@link ScheduleEngine#HORIZON} (always the case while an override is in force,
 *                  since an override applies to every instant before its end)
 * @param until     end of that interval (the next boundary); {@code null} when there is none within
 *                  {@link ScheduleEngine#HORIZON}
 * @param modeUntil the first instant at which the access mode itself changes, never before
 *                  {@code until}: a boundary that only hands over to another window or source of the
 *                  same mode is skipped. This is where a managed or freevend period really ends.
 *                  {@code null} when there is none within {@link ScheduleEngine#HORIZON}
 * @param windowId  the window in force when {@code source} is {@code SCHEDULE}, otherwise {@code null}
 */
public record ExpectedMode(
        AccessMode mode,
        Instant since,
        Instant until,
        Instant modeUntil,
        PolicySource source,
        String windowId,
        long policyVersion) {

    public ExpectedMode {
        if (mode == null || source == null) {
            throw new IllegalArgumentException("mode and source are required");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since must be before until");
        }
        // A change of mode is a boundary, so the mode cannot change before the first boundary.
        if (modeUntil != null && (until == null || modeUntil.isBefore(until))) {
            throw new IllegalArgumentException("modeUntil must not be before until");
        }
    }

    /** decisions.md section 5: a charger without a policy is treated as managed access, source none. */
    public static ExpectedMode withoutPolicy() {
        return new ExpectedMode(AccessMode.MANAGED_ACCESS, null, null, null, PolicySource.NONE, null, 0);
    }
}
