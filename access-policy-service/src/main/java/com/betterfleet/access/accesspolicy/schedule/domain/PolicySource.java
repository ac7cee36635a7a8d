package com.betterfleet.access.accesspolicy.schedule.domain;

/** What decided an expected mode. */
public enum PolicySource {
    /** A recurring window is in force. */
    SCHEDULE("schedule"),
    /** A temporary override is in force. */
    OVERRIDE("override"),
    /** No window and no override: the policy's default mode. */
    DEFAULT("default"),
    /** The charger has no policy at all. */
    NONE("none");

    private final String wire;

    PolicySource(String wire) {
        this.wire = wire;
    }

    /** The value used in JSON, events and storage. */
    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException for anything that is not a wire value */
    public static PolicySource fromWire(String value) {
        for (PolicySource source : values()) {
            if (source.wire.equals(value)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown policy source: " + value);
    }
}
