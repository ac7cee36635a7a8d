package com.betterfleet.access.authorisation.identifier.domain;

import java.util.Optional;

/** Who an identifier belongs to: the operator's own fleet or a vehicle under an agreement. */
public enum AccessClass {
    OWN_FLEET("own_fleet"),
    AGREEMENT("agreement");

    private final String wire;

    AccessClass(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<AccessClass> fromWire(String value) {
        for (AccessClass c : values()) {
            if (c.wire.equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
