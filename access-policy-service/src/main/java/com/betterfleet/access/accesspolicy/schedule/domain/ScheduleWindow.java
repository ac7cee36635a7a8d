package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recurring window, read in the policy's time zone. It covers {@code [start, end)} local time
 * from each local date on which it starts; {@code end <= start} means it ends on the next day, and
 * {@code start == end} is a full day ending at the same local time the next day.
 *
 * <p>{@code daysOfWeek}, {@code validFrom}/{@code validUntil} (inclusive) and {@code exceptDates} all
 * refer to the date on which an occurrence <em>starts</em>: an excepted date stops a window from
 * starting that day, but an overnight occurrence from the day before still runs into it.
 *
 * <p>Times have minute precision because the wire format is {@code HH:mm}; a value that could not
 * round-trip through the API is refused rather than silently truncated.
 */
public record ScheduleWindow(
        String id,
        Set<DayOfWeek> daysOfWeek,
        LocalTime start,
        LocalTime end,
        AccessMode mode,
        LocalDate validFrom,
        LocalDate validUntil,
        Set<LocalDate> exceptDates) {

    public static final int MAX_ID_LENGTH = 64;
    static final int MINUTES_PER_DAY = 24 * 60;

    public ScheduleWindow {
        if (id == null || id.isBlank()) {
            throw new InvalidPolicyException("id", "must not be blank");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidPolicyException("id", "must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (daysOfWeek == null || daysOfWeek.isEmpty()) {
            throw new InvalidPolicyException("daysOfWeek", "must name at least one day");
        }
        if (daysOfWeek.stream().anyMatch(Objects::isNull)) {
            throw new InvalidPolicyException("daysOfWeek", "must not contain null");
        }
        requireWholeMinutes("start", start);
        requireWholeMinutes("end", end);
        if (mode == null) {
            throw new InvalidPolicyException("mode", "is required");
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidPolicyException("validUntil", "must not be before validFrom");
        }
        if (exceptDates != null && exceptDates.stream().anyMatch(Objects::isNull)) {
            throw new InvalidPolicyException("exceptDates", "must not contain null");
        }
        // Sorted, immutable copies: callers cannot change a validated window, and serialised order is stable.
        daysOfWeek = Collections.unmodifiableSet(EnumSet.copyOf(daysOfWeek));
        exceptDates = exceptDates == null || exceptDates.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(exceptDates));
    }

    /** A window without validity range or exceptions. */
    public static ScheduleWindow weekly(String id, Set<DayOfWeek> daysOfWeek, LocalTime start, LocalTime end,
            AccessMode mode) {
        return new ScheduleWindow(id, daysOfWeek, start, end, mode, null, null, Set.of());
    }

    /** Whether an occurrence ends on the day after it starts ({@code end <= start}). */
    public boolean endsNextDay() {
        return !end.isAfter(start);
    }

    /** Whether an occurrence of this window starts on {@code date} (local date in the policy's zone). */
    public boolean startsOn(LocalDate date) {
        return daysOfWeek.contains(date.getDayOfWeek())
                && (validFrom == null || !date.isBefore(validFrom))
                && (validUntil == null || !date.isAfter(validUntil))
                && !exceptDates.contains(date);
    }

    /** The date on which an occurrence starting on {@code startDate} ends. */
    public LocalDate endDate(LocalDate startDate) {
        return endsNextDay() ? startDate.plusDays(1) : startDate;
    }

    int startMinuteOfDay() {
        return start.getHour() * 60 + start.getMinute();
    }

    /** Nominal (wall-clock) length in minutes, 1..1440; real length differs on daylight-saving days. */
    int nominalMinutes() {
        int startMinute = startMinuteOfDay();
        int endMinute = end.getHour() * 60 + end.getMinute();
        return endsNextDay() ? endMinute + MINUTES_PER_DAY - startMinute : endMinute - startMinute;
    }

    private static void requireWholeMinutes(String field, LocalTime time) {
        if (time == null) {
            throw new InvalidPolicyException(field, "is required");
        }
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new InvalidPolicyException(field, "must be whole minutes (HH:mm)");
        }
    }
}
