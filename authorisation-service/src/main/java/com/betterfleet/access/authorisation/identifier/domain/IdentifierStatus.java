package com.betterfleet.access.authorisation.identifier.domain;

import java.util.Optional;

/** Registry status of an identifier. */
public enum IdentifierStatus {
    ACTIVE("active"),
    INACTIVE("inactive"),
    BLOCKED("blocked");

    private final String wire;

    IdentifierStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<IdentifierStatus> fromWire(String value) {
        for (IdentifierStatus s : values()) {
            if (s.wire.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
