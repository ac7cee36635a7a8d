package com.betterfleet.access.authorisation.shared.application;

/**
 * No such resource for this caller: 404. Also what a human caller gets for another account's
 * resource (decisions.md section 7), so that it cannot tell that resource exists. Stackless.
 */
public class ResourceNotFoundException extends RuntimeException {
    public ResourceNotFoundException(String detail) {
        super(detail, null, false, false);
    }
}
