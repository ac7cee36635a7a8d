package com.betterfleet.access.authorisation.shared.application;

/** The caller may not act on this account (a human caller naming another account): 403. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String detail) {
        super(detail, null, false, false);
    }
}
