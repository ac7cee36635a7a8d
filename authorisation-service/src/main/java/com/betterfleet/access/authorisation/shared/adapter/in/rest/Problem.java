package com.betterfleet.access.authorisation.shared.adapter.in.rest;

import java.util.List;

import com.betterfleet.access.authorisation.shared.domain.FieldViolation;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details. {@code type} is stable per error:
 * {@code https://problems.betterfleet.example/charger-access/<slug>}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldViolation> errors) {
    public static final String TYPE_PREFIX = "https://problems.betterfleet.example/charger-access/";
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null);
    }

    public static Problem validation(String detail, List<FieldViolation> errors) {
        return new Problem(TYPE_PREFIX + "validation-failed", "Request validation failed", 400, detail, List.copyOf(errors));
    }
}
