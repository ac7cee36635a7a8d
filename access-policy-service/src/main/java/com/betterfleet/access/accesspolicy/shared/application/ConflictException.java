package com.betterfleet.access.accesspolicy.shared.application;

/** The request contradicts the stored state in a way the caller has to resolve (409). */
public class ConflictException extends RuntimeException {
    private final String slug;
    private final String title;

    public ConflictException(String slug, String title, String detail) {
        super(detail);
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
