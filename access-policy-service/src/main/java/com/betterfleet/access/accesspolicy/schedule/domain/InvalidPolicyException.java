package com.betterfleet.access.accesspolicy.schedule.domain;

/**
 * A policy value that cannot exist. Carries the failing field (relative to the object that refused
 * it, e.g. {@code start} of a window) so the REST layer can report {@code errors: [{field, message}]}
 * without parsing messages.
 */
public class InvalidPolicyException extends IllegalArgumentException {
    private final String field;

    public InvalidPolicyException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
