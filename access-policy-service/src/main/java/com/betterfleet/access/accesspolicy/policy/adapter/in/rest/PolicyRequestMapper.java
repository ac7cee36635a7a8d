package com.betterfleet.access.accesspolicy.policy.adapter.in.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.betterfleet.access.accesspolicy.policy.application.PolicyDraft;
import com.betterfleet.access.accesspolicy.policy.application.PolicyJson;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessOverride;
import com.betterfleet.access.accesspolicy.schedule.domain.InvalidPolicyException;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleWindow;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.RequestValues;
import com.betterfleet.access.accesspolicy.shared.application.FieldViolation;
import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;

/**
 * Turns request bodies into commands, collecting every failing field (with its path, e.g.
 * {@code windows[1].start}) into one 400 problem. What needs other windows (overlaps) or the
 * clock (an override in the past) is checked when the command runs.
 */
final class PolicyRequestMapper {
    private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    private static final int MAX_ID = 64;
    private static final int MAX_REASON = AccessOverride.MAX_REASON_LENGTH;

    private final int maxWindows;
    private final int maxExceptDates;

    PolicyRequestMapper(int maxWindows, int maxExceptDates) {
        this.maxWindows = maxWindows;
        this.maxExceptDates = maxExceptDates;
    }

    PolicyDraft draft(PolicyRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "is required");
        }
        Errors errors = new Errors();
        String accountId = text(errors, "accountId", body.accountId(), true, MAX_ID);
        String depotId = text(errors, "depotId", body.depotId(), false, MAX_ID);
        ZoneId zone = zone(errors, body.timeZone());
        AccessMode defaultMode = mode(errors, "defaultMode", body.defaultMode());
        List<ScheduleWindow> windows = windows(errors, body.windows());
        AccessOverride override = body.override() == null ? null
                : override(errors, "override.", body.override().mode(), body.override().until(), body.override().reason());
        errors.throwIfAny();
        try {
            return new PolicyDraft(accountId, depotId, zone, defaultMode, windows, override);
        } catch (InvalidPolicyException e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
    }

    AccessOverride override(OverrideRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "is required");
        }
        Errors errors = new Errors();
        AccessOverride override = override(errors, "", body.mode(), body.until(), body.reason());
        errors.throwIfAny();
        return override;
    }

    private List<ScheduleWindow> windows(Errors errors, List<PolicyJson.Window> windows) {
        if (windows == null) {
            return List.of();
        }
        if (windows.size() > maxWindows) {
            errors.add("windows", "may hold at most " + maxWindows + " windows");
            return List.of();
        }
        List<ScheduleWindow> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < windows.size(); i++) {
            String path = "windows[" + i + "].";
            PolicyJson.Window window = windows.get(i);
            if (window == null) {
                errors.add("windows[" + i + "]", "must be an object");
                continue;
            }
            int before = errors.size();
            String id = text(errors, path + "id", window.id(), true, MAX_ID);
            if (id != null && !ids.add(id)) {
                errors.add(path + "id", "'" + id + "' is used by another window");
            }
            Set<DayOfWeek> days = days(errors, path + "daysOfWeek", window.daysOfWeek());
            LocalTime start = time(errors, path + "start", window.start());
            LocalTime end = time(errors, path + "end", window.end());
            AccessMode mode = mode(errors, path + "mode", window.mode());
            LocalDate validFrom = date(errors, path + "validFrom", window.validFrom(), false);
            LocalDate validUntil = date(errors, path + "validUntil", window.validUntil(), false);
            if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
                errors.add(path + "validUntil", "must not be before validFrom");
            }
            Set<LocalDate> exceptDates = exceptDates(errors, path + "exceptDates", window.exceptDates());
            if (errors.size() > before) {
                continue;
            }
            try {
                result.add(new ScheduleWindow(id, days, start, end, mode, validFrom, validUntil, exceptDates));
            } catch (InvalidPolicyException e) {
                errors.add(path + e.field(), e.getMessage());
            }
        }
        return result;
    }

    private static AccessOverride override(Errors errors, String prefix, String modeValue, String untilValue, String reason) {
        AccessMode mode = mode(errors, prefix + "mode", modeValue);
        Instant until = null;
        if (untilValue == null || untilValue.isBlank()) {
            errors.add(prefix + "until", "is required");
        } else {
            until = RequestValues.parseInstant(untilValue);
            if (until == null) {
                errors.add(prefix + "until", "must be an ISO-8601 date-time with offset");
            } else if (!RequestValues.isSupported(until)) {
                errors.add(prefix + "until", RequestValues.INSTANT_RANGE_MESSAGE);
                until = null;
            }
        }
        String reasonDefect = reason == null ? null
                : reason.length() > MAX_REASON ? "must be at most " + MAX_REASON + " characters"
                : RequestValues.textDefect(reason);
        if (reasonDefect != null) {
            errors.add(prefix + "reason", reasonDefect);
        }
        return mode == null || until == null || reasonDefect != null ? null : new AccessOverride(mode, until, reason);
    }

    private static String text(Errors errors, String field, String value, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        String defect = RequestValues.idDefect(value);
        if (defect != null) {
            errors.add(field, defect);
            return null;
        }
        return value;
    }

    private static ZoneId zone(Errors errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add("timeZone", "is required");
            return null;
        }
        // Java still ships the SystemV/* zones that IANA's tz database dropped (2020b)
        if (!ZoneId.getAvailableZoneIds().contains(value) || value.startsWith("SystemV/")) {
            errors.add("timeZone", "must be an IANA time zone such as Europe/London");
            return null;
        }
        return ZoneId.of(value);
    }

    private static AccessMode mode(Errors errors, String field, String value) {
        if (value == null) {
            errors.add(field, "is required");
            return null;
        }
        try {
            return AccessMode.fromWire(value);
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be freevend or managed_access");
            return null;
        }
    }

    private static Set<DayOfWeek> days(Errors errors, String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            errors.add(field, "must name at least one day");
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            DayOfWeek day = null;
            for (DayOfWeek candidate : DayOfWeek.values()) {
                if (candidate.name().equals(value)) {
                    day = candidate;
                }
            }
            if (day == null) {
                errors.add(field + "[" + i + "]", "must be one of MONDAY, TUESDAY, ..., SUNDAY");
            } else if (!days.add(day)) {
                errors.add(field + "[" + i + "]", value + " is listed twice");
            }
        }
        return days;
    }

    private static LocalTime time(Errors errors, String field, String value) {
        if (value == null) {
            errors.add(field, "is required");
            return null;
        }
        if (!TIME.matcher(value).matches()) {
            errors.add(field, "must be a local time HH:mm, 00:00 to 23:59");
            return null;
        }
        return LocalTime.parse(value);
    }

    private static LocalDate date(Errors errors, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(field, "is required");
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a date YYYY-MM-DD");
            return null;
        }
        if (!RequestValues.isSupported(date)) {
            // Such years parse, but RFC 3339 (policy_changed carries these dates) has four-digit years only.
            errors.add(field, RequestValues.DATE_RANGE_MESSAGE);
            return null;
        }
        return date;
    }

    private Set<LocalDate> exceptDates(Errors errors, String field, List<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > maxExceptDates) {
            errors.add(field, "may hold at most " + maxExceptDates + " dates");
            return Set.of();
        }
        Set<LocalDate> dates = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            LocalDate date = date(errors, field + "[" + i + "]", values.get(i), true);
            if (date != null) {
                dates.add(date);
            }
        }
        return dates;
    }

    /** Collects violations in request order. */
    private static final class Errors {
        private final List<FieldViolation> violations = new ArrayList<>();

        void add(String field, String message) {
            violations.add(new FieldViolation(field, message));
        }

        int size() {
            return violations.size();
        }

        void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
        }
    }
}
