package com.betterfleet.access.authorisation.shared.domain;

/** One failing field of a command, e.g. {@code idToken}: "at most 36 characters". */
public record FieldViolation(String field, String message) {
}
