package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.betterfleet.access.decisionlog.domain.ChargerIds;
import com.betterfleet.access.decisionlog.domain.ControlCharacters;
import com.betterfleet.access.decisionlog.domain.Cursor;
import com.betterfleet.access.decisionlog.domain.FieldError;
import com.betterfleet.access.decisionlog.domain.InvalidQueryException;
import com.betterfleet.access.decisionlog.domain.TimeRange;

/**
 * Reads raw query parameters and collects every problem, so that one 400 names all failing
 * fields. Messages never echo the value (it may be a raw identifier).
 */
final class QueryParameters {
    /** OpenAPI descriptions of the from / to parameters. */
    static final String RANGE_FROM = "Inclusive, ISO-8601 with offset, " + TimeRange.SUPPORTED_RANGE;
    static final String RANGE_TO = "Exclusive, ISO-8601 with offset, " + TimeRange.SUPPORTED_RANGE;
    private static final int MAX_TEXT = 64;

    private final List<FieldError> errors = new ArrayList<>();

    /** An ISO-8601 date-time with offset within {@link TimeRange#supports the supported range}. */
    Instant timestamp(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Instant instant = parse(value);
        if (instant == null) {
            // an unencoded '+' of the offset (or of a year beyond 9999) arrives as a space
            instant = parse(value.replace(' ', '+'));
        }
        if (instant == null) {
            return error(field, "must be an ISO-8601 date-time with offset, e.g. 2025-03-01T00:00:00Z");
        }
        if (!TimeRange.supports(instant)) {
            return error(field, "must be between " + TimeRange.SUPPORTED_RANGE);
        }
        return instant;
    }

    /**
     * Null when not a date-time with offset. DateTimeException, not only the parse exception: e.g.
     * {@code +999999999-12-31T23:59:59-18:00} parses but is past Instant.MAX in UTC.
     */
    private static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    TimeRange range(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            return error("to", "must be after from");
        }
        return new TimeRange(from, to);
    }

    int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isEmpty()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error("limit", "must be an integer from 1 to " + maxLimit);
        return defaultLimit;
    }

    Optional<Cursor> cursor(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Cursor> cursor = Cursor.decode(value);
        if (cursor.isEmpty()) {
            error("cursor", "is not a cursor this API returned");
        }
        return cursor;
    }

    String chargerId(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!ChargerIds.isValid(value)) {
            return error(field, "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }

    String text(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.isBlank() || ControlCharacters.in(value)) {
            return error(field, "must be 1 to " + MAX_TEXT + " characters, without control characters");
        }
        return value;
    }

    /** One of the allowed values; the message lists them. */
    <T> T oneOf(String field, String value, Function<String, Optional<T>> parse, List<String> allowed) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            return error(field, "must be one of " + String.join(", ", allowed));
        }
        return parsed.get();
    }

    <T> T error(String field, String message) {
        errors.add(new FieldError(field, message));
        return null;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws the 400 when anything failed. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
    }
}
