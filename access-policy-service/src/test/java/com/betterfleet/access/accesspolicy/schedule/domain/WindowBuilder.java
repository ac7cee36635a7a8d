package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/** Test data builder: {@code window("w").weekdays().between("06:00", "18:00").managed().build()}. */
final class WindowBuilder {
    private final String id;
    private Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
    private LocalTime start = LocalTime.of(6, 0);
    private LocalTime end = LocalTime.of(18, 0);
    private AccessMode mode = AccessMode.MANAGED_ACCESS;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private final Set<LocalDate> exceptDates = new TreeSet<>();

    private WindowBuilder(String id) {
        this.id = id;
    }

    static WindowBuilder window(String id) {
        return new WindowBuilder(id);
    }

    WindowBuilder on(DayOfWeek first, DayOfWeek... rest) {
        days = EnumSet.of(first, rest);
        return this;
    }

    WindowBuilder weekdays() {
        days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        return this;
    }

    WindowBuilder everyDay() {
        days = EnumSet.allOf(DayOfWeek.class);
        return this;
    }

    WindowBuilder between(String start, String end) {
        this.start = LocalTime.parse(start);
        this.end = LocalTime.parse(end);
        return this;
    }

    WindowBuilder managed() {
        mode = AccessMode.MANAGED_ACCESS;
        return this;
    }

    WindowBuilder freevend() {
        mode = AccessMode.FREEVEND;
        return this;
    }

    WindowBuilder validFrom(String date) {
        validFrom = LocalDate.parse(date);
        return this;
    }

    WindowBuilder validUntil(String date) {
        validUntil = LocalDate.parse(date);
        return this;
    }

    WindowBuilder except(String... dates) {
        Arrays.stream(dates).map(LocalDate::parse).forEach(exceptDates::add);
        return this;
    }

    ScheduleWindow build() {
        return new ScheduleWindow(id, days, start, end, mode, validFrom, validUntil, exceptDates);
    }
}
