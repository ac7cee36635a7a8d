package com.betterfleet.access.accesspolicy.capability.domain;

import java.util.Optional;

/** What every policy read says about enforcement (decisions.md section 3). */
public enum Enforcement {
    /** The charger is fully supported. */
    GUARANTEED("guaranteed"),
    /** Partially supported or unsupported: the policy is shown, but the charger may not follow it. */
    NOT_GUARANTEED("not_guaranteed"),
    /** No capability has been reported for the charger yet. */
    UNKNOWN("unknown");

    private final String wire;

    Enforcement(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Enforcement of(Optional<CapabilityState> state) {
        return state.map(s -> s == CapabilityState.FULLY_SUPPORTED ? GUARANTEED : NOT_GUARANTEED).orElse(UNKNOWN);
    }
}
