package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.DayOfWeek;

/**
 * Two windows of one policy that can be in force at the same local time. The days are the start
 * days of the clashing occurrences (they differ when an overnight window runs into the next
 * morning), so a problem detail can say where the clash is.
 */
public record WindowOverlap(
        String firstWindowId,
        String secondWindowId,
        DayOfWeek firstWindowStartDay,
        DayOfWeek secondWindowStartDay) {
}
