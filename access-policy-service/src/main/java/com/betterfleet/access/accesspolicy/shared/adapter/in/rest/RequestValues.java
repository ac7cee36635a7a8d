package com.betterfleet.access.accesspolicy.shared.adapter.in.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;

/** Parsing and formatting of path, query and header values shared by the resources. */
public final class RequestValues {
    /** Charger ids as events.schema.json allows them. */
    private static final Pattern CHARGER_ID = Pattern.compile("^[A-Za-z0-9._:\\-]{1,64}$");

    private RequestValues() {
    }

    public static String chargerId(String value) {
        if (value == null || !CHARGER_ID.matcher(value).matches()) {
            throw new InvalidInputException("chargerId", "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'");
        }
        return value;
    }

    /** An ISO-8601 instant with offset, e.g. {@code 2026-03-30T06:00:00+01:00}; {@code null} stays null. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 date-time with offset, e.g. 2026-03-30T06:00:00+01:00");
        }
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
