package com.betterfleet.access.accesspolicy.capability.domain;

import java.util.Set;

/**
 * What a charger answered for one configuration key (ChangeConfiguration / SetVariables), as the
 * charger gateway reports it.
 */
public record KeyResult(String key, String status) {
    /** Answers that mean the key cannot be set (OCPP 1.6 and 2.0.1 vocabularies). */
    public static final Set<String> FAILING = Set.of(
            "Rejected", "NotSupported", "UnknownComponent", "UnknownVariable", "NotSupportedAttributeType");
    /** Every status a report may carry. */
    public static final Set<String> KNOWN = Set.of(
            "Accepted", "RebootRequired", "Rejected", "NotSupported", "UnknownComponent", "UnknownVariable",
            "NotSupportedAttributeType");

    public KeyResult {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        if (!KNOWN.contains(status)) {
            throw new IllegalArgumentException("unknown key status: " + status);
        }
    }

    public boolean failed() {
        return FAILING.contains(status);
    }
}
