package com.betterfleet.access.decisionlog.domain;

import java.util.List;

/** A query the caller got wrong: a 400 with every failing field. */
public class InvalidQueryException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidQueryException(List<FieldError> errors) {
        super("invalid query: " + errors.size() + " field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
