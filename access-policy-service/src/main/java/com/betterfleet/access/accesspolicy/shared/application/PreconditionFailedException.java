package com.betterfleet.access.accesspolicy.shared.application;

/** {@code If-Match} named a version that is not the current one (412). */
public class PreconditionFailedException extends RuntimeException {
    private final Long currentVersion;

    /** @param currentVersion {@code null} when there is no current version (nothing stored) */
    public PreconditionFailedException(Long currentVersion) {
        super(currentVersion == null
                ? "There is no access policy for this charger, so If-Match cannot match."
                : "The access policy is at version " + currentVersion + "; read it again and retry.");
        this.currentVersion = currentVersion;
    }

    public Long currentVersion() {
        return currentVersion;
    }
}
