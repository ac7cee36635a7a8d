package com.betterfleet.access.authorisation.chargerstate.domain;

import java.util.Optional;

/** What set the expected mode: a schedule window, an override, the policy default, or no policy at all. */
public enum PolicySource {
    SCHEDULE("schedule"),
    OVERRIDE("override"),
    DEFAULT("default"),
    NONE("none");

    private final String wire;

    PolicySource(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<PolicySource> fromWire(String value) {
        for (PolicySource s : values()) {
            if (s.wire.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
