package com.betterfleet.access.accesspolicy.shared.application;

import java.util.List;

/** A request that cannot be accepted as it is; becomes a 400 problem listing every failing field. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
