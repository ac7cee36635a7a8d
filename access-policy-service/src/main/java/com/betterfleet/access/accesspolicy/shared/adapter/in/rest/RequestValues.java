package com.betterfleet.access.accesspolicy.shared.adapter.in.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.betterfleet.access.accesspolicy.shared.application.ChargerIds;
import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;

/** Parsing and formatting of path, query and header values shared by the resources. */
public final class RequestValues {

    /**
     * Instants and dates the API accepts: the years 1970 to 9999 (UTC for instants). ISO-8601 parses
     * years up to +-999,999,999, but such values overflow the schedule engine's searches, Durations
     * added to them and PostgreSQL's timestamptz (a stored one could then not be read back), and
     * the RFC 3339 times of the events have four-digit years. Documented in
     * docs/access-policy-service.md ("Validation").
     */
    public static final LocalDate FIRST_DATE = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);
    public static final Instant FIRST_INSTANT = FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** Exclusive: the first instant after the supported range. */
    public static final Instant END_INSTANT = LAST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final String INSTANT_MESSAGE =
            "must be an ISO-8601 date-time with offset, e.g. 2026-03-30T06:00:00+01:00";
    public static final String INSTANT_RANGE_MESSAGE =
            "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z";
    public static final String DATE_RANGE_MESSAGE = "must be a date between 1970-01-01 and 9999-12-31";

    private RequestValues() {
    }

    /**
     * Why {@code value} cannot be an id or reference (account, depot, window, family, configuration
     * key), or null when it can. Ids travel on in events, and authorisation-service and
     * decision-log-service refuse an event with a control character in them: a window id with a tab
     * would be stored here and then ignored there, leaving Authorize on the previous mode, so the
     * write is the one place the operator can hear of it.
     */
    public static String idDefect(String value) {
        for (int i = 0; value != null && i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "must not contain control characters (U+0000 to U+001F, U+007F)";
            }
        }
        return textDefect(value);
    }

    /**
     * Why {@code value} cannot be stored as free text (an override's reason), or null when it can.
     * PostgreSQL cannot hold U+0000 in text or JSON at all, and an unpaired surrogate would be
     * stored as '?': the value read back would not be the one accepted.
     */
    public static String textDefect(String value) {
        for (int i = 0; value != null && i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return "must not contain U+0000";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be well-formed Unicode (an unpaired surrogate)";
            }
        }
        return null;
    }

    public static String chargerId(String value) {
        if (!ChargerIds.isValid(value)) {
            throw new InvalidInputException("chargerId", "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'");
        }
        return value;
    }

    /**
     * An ISO-8601 instant with offset, e.g. {@code 2026-03-30T06:00:00+01:00}, within the supported
     * range; {@code null} stays null.
     */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant = parseInstant(value);
        if (instant == null) {
            throw new InvalidInputException(field, INSTANT_MESSAGE);
        }
        if (!isSupported(instant)) {
            throw new InvalidInputException(field, INSTANT_RANGE_MESSAGE);
        }
        return instant;
    }

    /**
     * The instant of an ISO-8601 date-time with offset, or {@code null} if it is not one. Catches
     * {@link DateTimeException}, not only the parse exception: a date-time such as
     * {@code +999999999-12-31T23:59:59-18:00} parses but is past {@link Instant#MAX} in UTC.
     */
    public static Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static boolean isSupported(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
    }

    public static boolean isSupported(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    /** Shown in the policy's zone when there is one (schedules are read in local time), else UTC. */
    public static String format(Instant instant, ZoneId zone) {
        if (instant == null) {
            return null;
        }
        return zone == null ? instant.toString()
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone));
    }

    public static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }
}
