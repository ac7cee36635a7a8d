package com.betterfleet.access.decisionlog.domain;

import java.util.List;

/** The reasons of decisions.md section 5, as the {@code reason} filter accepts them. */
public final class DecisionReason {
    public static final List<String> ALL = List.of("freevend", "own_fleet", "agreement", "unknown_identifier",
            "inactive_identifier", "blocked_identifier", "expired_identifier", "stale_agreement", "not_yet_valid",
            "freevend_tag_in_managed_access");

    private DecisionReason() {
    }

    public static boolean isKnown(String reason) {
        return ALL.contains(reason);
    }
}
