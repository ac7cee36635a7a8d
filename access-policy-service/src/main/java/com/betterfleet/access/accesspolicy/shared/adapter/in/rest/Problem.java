package com.betterfleet.access.accesspolicy.shared.adapter.in.rest;

import java.util.List;

import com.betterfleet.access.accesspolicy.shared.application.FieldViolation;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * RFC 9457 problem details. {@code type} is stable per error:
 * {@code https://problems.betterfleet.example/charger-access/<slug>}.
 *
 * @param errors   the failing fields (validation, 409 overlaps, 422)
 * @param overlaps for {@code overlapping-windows}: every overlapping pair
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors,
        List<Overlap> overlaps) {
    public static final String TYPE_PREFIX = "https://problems.betterfleet.example/charger-access/";
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Two windows that can be in force at the same time, and the start days of the clashing occurrences. */
    @RegisterForReflection
    public record Overlap(String firstWindowId, String secondWindowId, String firstWindowStartDay,
            String secondWindowStartDay) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null);
    }

    public static Problem validation(String detail, List<FieldViolation> errors) {
        return new Problem(TYPE_PREFIX + "validation-failed", "Request validation failed", 400, detail,
                List.copyOf(errors), null);
    }

    public Problem withErrors(List<FieldViolation> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors), overlaps);
    }

    public Problem withOverlaps(List<Overlap> pairs) {
        return new Problem(type, title, status, detail, errors, List.copyOf(pairs));
    }
}
