package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds windows of one policy that can be in force at the same local time.
 *
 * <p>Two windows overlap when there is a local date on which each starts an occurrence (by its
 * days, validity range and exception dates, all taken exactly) and the two occurrences share at
 * least one local minute. Occurrences are half-open, so windows that only touch (one ends at 18:00,
 * the next starts at 18:00) do not overlap; an overnight window is compared with the next day's
 * windows too, across the end of the week. Validity ranges that do not intersect, or exception
 * dates that remove every shared start day, therefore make a pair legal: that is what lets an
 * operator replace a weekday window on a public holiday by excepting the date and adding a window
 * valid on that date only.
 *
 * <p>The check is in wall-clock time and needs no time zone. Daylight saving can still make two
 * legal windows share real instants inside a spring-forward gap (a window ending at 01:30 is read
 * as 02:30 summer time); {@link ScheduleEngine} decides those deterministically.
 */
public final class WindowOverlaps {
    private static final int[] DAY_SHIFTS = {-1, 0, 1};

    private WindowOverlaps() {
    }

    /** Every overlapping pair, each once, first window in list order. */
    public static List<WindowOverlap> find(List<ScheduleWindow> windows) {
        List<WindowOverlap> overlaps = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                overlap(windows.get(i), windows.get(j)).ifPresent(overlaps::add);
            }
        }
        return overlaps;
    }

    /** The first overlapping pair in list order, if any. */
    public static Optional<WindowOverlap> findFirst(List<ScheduleWindow> windows) {
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                Optional<WindowOverlap> overlap = overlap(windows.get(i), windows.get(j));
                if (overlap.isPresent()) {
                    return overlap;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code a} and {@code b} overlap; the days in the result are those of the first clash found. */
    public static Optional<WindowOverlap> overlap(ScheduleWindow a, ScheduleWindow b) {
        for (DayOfWeek dayA : a.daysOfWeek()) {
            // An occurrence lasts at most a day, so it can only meet occurrences starting a day either side.
            for (int shift : DAY_SHIFTS) {
                DayOfWeek dayB = dayA.plus(shift);
                if (b.daysOfWeek().contains(dayB)
                        && wallClockOverlap(a, b, shift)
                        && startsTogetherOnSomeDate(a, b, dayA, shift)) {
                    return Optional.of(new WindowOverlap(a.id(), b.id(), dayA, dayB));
                }
            }
        }
        return Optional.empty();
    }

    /** Minutes measured from midnight of the day {@code a} starts; {@code b} starts {@code shift} days later. */
    private static boolean wallClockOverlap(ScheduleWindow a, ScheduleWindow b, int shift) {
        int startA = a.startMinuteOfDay();
        int endA = startA + a.nominalMinutes();
        int startB = shift * ScheduleWindow.MINUTES_PER_DAY + b.startMinuteOfDay();
        int endB = startB + b.nominalMinutes();
        return Math.max(startA, startB) < Math.min(endA, endB);
    }

    /**
     * Whether some date {@code d} on {@code dayA} has {@code a} starting on {@code d} and {@code b} on
     * {@code d + shift}. Each exception date rules out at most one candidate date, so looking at one more
     * candidate than there are exception dates settles it without walking open-ended ranges.
     */
    private static boolean startsTogetherOnSomeDate(ScheduleWindow a, ScheduleWindow b, DayOfWeek dayA,
            int shift) {
        LocalDate from = later(a.validFrom(), b.validFrom() == null ? null : b.validFrom().minusDays(shift));
        LocalDate until = earlier(a.validUntil(), b.validUntil() == null ? null : b.validUntil().minusDays(shift));
        if (from != null && until != null && from.isAfter(until)) {
            return false;
        }
        int candidates = a.exceptDates().size() + b.exceptDates().size() + 1;
        LocalDate date;
        int step;
        if (from != null) {
            date = from.with(TemporalAdjusters.nextOrSame(dayA));
            step = 7;
        } else if (until != null) {
            date = until.with(TemporalAdjusters.previousOrSame(dayA));
            step = -7;
        } else {
            date = LocalDate.of(2000, 1, 1).with(TemporalAdjusters.nextOrSame(dayA));
            step = 7;
        }
        for (int i = 0; i < candidates; i++, date = date.plusDays(step)) {
            if ((from != null && date.isBefore(from)) || (until != null && date.isAfter(until))) {
                return false;
            }
            if (a.startsOn(date) && b.startsOn(date.plusDays(shift))) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate later(LocalDate x, LocalDate y) {
        if (x == null) {
            return y;
        }
        return y == null || x.isAfter(y) ? x : y;
    }

    private static LocalDate earlier(LocalDate x, LocalDate y) {
        if (x == null) {
            return y;
        }
        return y == null || x.isBefore(y) ? x : y;
    }
}
