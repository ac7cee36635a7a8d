package com.betterfleet.access.accesspolicy.shared.application;

/** One failing field of a request: {@code field} is a path such as {@code windows[1].start}. */
public record FieldViolation(String field, String message) {
}
