package com.betterfleet.access.accesspolicy.shared.application;

import java.util.List;

/**
 * A well-formed request that the charger's situation rules out, e.g. managed access on an
 * {@code unsupported} charger (422).
 */
public class UnprocessableException extends RuntimeException {
    private final String slug;
    private final String title;
    private final List<FieldViolation> violations;

    public UnprocessableException(String slug, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
