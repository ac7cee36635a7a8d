package com.betterfleet.access.authorisation.shared.application;

/**
 * The service cannot answer right now (state not loaded yet, decision record not durable): 503.
 * Stackless: it is thrown on the hot path under load.
 */
public class UnavailableException extends RuntimeException {
    private final String slug;
    private final String title;

    public UnavailableException(String slug, String title, String detail) {
        super(detail, null, false, false);
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
