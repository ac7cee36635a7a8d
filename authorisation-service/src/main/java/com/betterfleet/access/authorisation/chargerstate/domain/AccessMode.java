package com.betterfleet.access.authorisation.chargerstate.domain;

import java.util.Optional;

/** Whether a charger starts without asking ({@code freevend}) or must ask ({@code managed_access}). */
public enum AccessMode {
    FREEVEND("freevend"),
    MANAGED_ACCESS("managed_access");

    private final String wire;

    AccessMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<AccessMode> fromWire(String value) {
        for (AccessMode m : values()) {
            if (m.wire.equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
