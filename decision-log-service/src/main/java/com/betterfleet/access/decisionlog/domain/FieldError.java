package com.betterfleet.access.decisionlog.domain;

/** One failing input field and why, without echoing the value. */
public record FieldError(String field, String message) {
}
