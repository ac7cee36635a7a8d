package com.betterfleet.access.authorisation.shared.application;

import java.util.List;

import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

/** Input that fails validation: answered 400 with the failing fields. Never carries raw identifiers. */
public class InvalidInputException extends RuntimeException {
    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("invalid input: " + violations.size() + " field(s)", null, false, false);
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
