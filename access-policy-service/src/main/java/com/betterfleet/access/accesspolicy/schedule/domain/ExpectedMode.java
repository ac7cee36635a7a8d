package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.Instant;

/**
 * The mode a charger should be in at an instant, with the maximal interval {@code [since, until)}
 * around it in which mode, source and window stay the same.
 *
 * @param since    start of that interval; {@code null} when it reaches back further than
 *                 {@link ScheduleEngine#HORIZON} (always the case while an override is in force,
 *                 since an override applies to every instant before its end)
 * @param until    end of that interval (the next boundary); {@code null} when there is none within
 *                 {@link ScheduleEngine#HORIZON}
 * @param windowId the window in force when {@code source} is {@code SCHEDULE}, otherwise {@code null}
 */
public record ExpectedMode(
        AccessMode mode,
        Instant since,
        Instant until,
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
    }

    /** decisions.md section 5: a charger without a policy is treated as managed access, source none. */
    public static ExpectedMode withoutPolicy() {
        return new ExpectedMode(AccessMode.MANAGED_ACCESS, null, null, PolicySource.NONE, null, 0);
    }
}
