package com.betterfleet.access.accesspolicy.policy.application;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessOverride;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleWindow;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The wire form of windows and overrides (contracts.md): what the API accepts and returns, what
 * policy_changed carries and what the windows column stores. Strings throughout, so that the API
 * can report a malformed value by field instead of failing to read the body.
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    /** {@code {id, daysOfWeek: ["MONDAY",...], start: "06:00", end: "18:00", mode, validFrom?, validUntil?, exceptDates?}} */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Window(
            String id,
            List<String> daysOfWeek,
            String start,
            String end,
            String mode,
            String validFrom,
            String validUntil,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> exceptDates) {
    }

    /** {@code {mode, until, reason}}; {@code until} ISO-8601 with offset. */
    @RegisterForReflection
    public record Override(String mode, String until, String reason) {
    }

    public static Window window(ScheduleWindow window) {
        return new Window(
                window.id(),
                window.daysOfWeek().stream().map(DayOfWeek::name).toList(),
                time(window.start()),
                time(window.end()),
                window.mode().wire(),
                window.validFrom() == null ? null : window.validFrom().toString(),
                window.validUntil() == null ? null : window.validUntil().toString(),
                window.exceptDates().stream().map(LocalDate::toString).toList());
    }

    public static List<Window> windows(List<ScheduleWindow> windows) {
        return windows.stream().map(PolicyJson::window).toList();
    }

    public static Override override(AccessOverride override) {
        return override == null ? null : new Override(override.mode().wire(), override.until().toString(), override.reason());
    }

    /** Reads a window written by {@link #window}; stored data, so any failure is a bug, not bad input. */
    public static ScheduleWindow toDomain(Window json) {
        Set<DayOfWeek> days = json.daysOfWeek().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
        Set<LocalDate> exceptDates = json.exceptDates() == null ? Set.of()
                : json.exceptDates().stream().map(LocalDate::parse).collect(Collectors.toSet());
        return new ScheduleWindow(json.id(), days, LocalTime.parse(json.start()), LocalTime.parse(json.end()),
                AccessMode.fromWire(json.mode()),
                json.validFrom() == null ? null : LocalDate.parse(json.validFrom()),
                json.validUntil() == null ? null : LocalDate.parse(json.validUntil()),
                exceptDates);
    }

    public static AccessOverride toDomain(Override json) {
        return new AccessOverride(AccessMode.fromWire(json.mode()), Instant.parse(json.until()), json.reason());
    }

    /** {@code HH:mm}. */
    public static String time(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
