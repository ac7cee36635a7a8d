package com.betterfleet.access.accesspolicy.shared.adapter.in.rest;

/** Roles of decisions.md section 7, as they appear in the token's groups / realm roles. */
public final class Roles {
    /** Writes policies, overrides and capability; may read too. */
    public static final String ADMIN = "access-admin";
    /** Reads policies, modes and schedules. */
    public static final String VIEWER = "access-viewer";

    private Roles() {
    }
}
