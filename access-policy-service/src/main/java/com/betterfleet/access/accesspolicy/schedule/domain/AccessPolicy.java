package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A charger's access policy: time zone, default mode, recurring windows and an optional override.
 *
 * <p>Overlapping windows are not refused here: saving refuses them with a 409 naming both windows
 * (see {@link WindowOverlaps}), while the engine must still give a total, deterministic answer for
 * any policy it is handed. Window ids must be unique, because a decision or event names the window
 * in force by id.
 *
 * @param override {@code null} when there is none
 */
public record AccessPolicy(
        ZoneId timeZone,
        AccessMode defaultMode,
        List<ScheduleWindow> windows,
        AccessOverride override,
        long version) {

    public AccessPolicy {
        if (timeZone == null) {
            throw new InvalidPolicyException("timeZone", "is required");
        }
        if (defaultMode == null) {
            throw new InvalidPolicyException("defaultMode", "is required");
        }
        if (windows == null) {
            windows = List.of();
        }
        // List.of(...).contains(null) throws, so look for nulls by hand.
        if (windows.stream().anyMatch(Objects::isNull)) {
            throw new InvalidPolicyException("windows", "must not contain null");
        }
        windows = List.copyOf(windows);
        Set<String> ids = new HashSet<>();
        for (ScheduleWindow window : windows) {
            if (!ids.add(window.id())) {
                throw new InvalidPolicyException("windows", "window id '" + window.id() + "' is used twice");
            }
        }
        if (version < 0) {
            throw new InvalidPolicyException("version", "must not be negative");
        }
    }
}
