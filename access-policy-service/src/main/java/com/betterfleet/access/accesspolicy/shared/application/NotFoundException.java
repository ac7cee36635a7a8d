package com.betterfleet.access.accesspolicy.shared.application;

/**
 * The resource does not exist, or belongs to an account the caller cannot see (tenancy: another
 * account's charger is indistinguishable from a missing one).
 */
public class NotFoundException extends RuntimeException {
    private final String slug;

    public NotFoundException(String slug, String detail) {
        super(detail);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
