package com.betterfleet.access.accesspolicy.policy.application;

import java.util.List;

import com.betterfleet.access.accesspolicy.shared.application.PreconditionFailedException;

/**
 * An {@code If-Match} condition on the policy version. No header: the write is unconditional.
 * {@code *}: a policy must exist. Entity tags: the current version must be one of them.
 */
public final class Precondition {
    private static final Precondition NONE = new Precondition(false, false, List.of());
    private static final Precondition ANY = new Precondition(true, true, List.of());

    private final boolean present;
    private final boolean any;
    private final List<Long> versions;

    private Precondition(boolean present, boolean any, List<Long> versions) {
        this.present = present;
        this.any = any;
        this.versions = versions;
    }

    public static Precondition none() {
        return NONE;
    }

    public static Precondition anyVersion() {
        return ANY;
    }

    /** @param versions may be empty (only tags that cannot name a version): never matches */
    public static Precondition oneOf(List<Long> versions) {
        return new Precondition(true, false, List.copyOf(versions));
    }

    /** @param currentVersion {@code null} when there is no policy */
    public void check(Long currentVersion) {
        if (!present) {
            return;
        }
        if (currentVersion == null || !(any || versions.contains(currentVersion))) {
            throw new PreconditionFailedException(currentVersion);
        }
    }
}
