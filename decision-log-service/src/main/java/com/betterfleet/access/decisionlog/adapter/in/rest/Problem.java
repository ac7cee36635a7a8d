package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.util.List;

import com.betterfleet.access.decisionlog.domain.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, as every error of this service is answered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://problems.betterfleet.example/charger-access/";

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null);
    }
}
