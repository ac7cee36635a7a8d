package com.betterfleet.access.accesspolicy.schedule.domain;

/** How a charger lets sessions start. */
public enum AccessMode {
    /** The charger starts without asking. */
    FREEVEND("freevend"),
    /** The charger must ask; only allowed identifiers start. */
    MANAGED_ACCESS("managed_access");

    private final String wire;

    AccessMode(String wire) {
        this.wire = wire;
    }

    /** The value used in JSON, events and storage. */
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException for anything that is not a wire value (the enum name is not accepted) */
    public static AccessMode fromWire(String value) {
        for (AccessMode mode : values()) {
            if (mode.wire.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown access mode: " + value);
    }
}
