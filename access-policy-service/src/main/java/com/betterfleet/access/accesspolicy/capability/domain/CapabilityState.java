package com.betterfleet.access.accesspolicy.capability.domain;

/** How far this system can enforce scheduled access on a charger (decisions.md section 3). */
public enum CapabilityState {
    /** Mode switching and pre-start authorisation both work. */
    FULLY_SUPPORTED("fully_supported"),
    /** A policy is accepted, but enforcement is not guaranteed; every read says so. */
    PARTIALLY_SUPPORTED("partially_supported"),
    /** Managed access cannot be enforced; a policy that asks for it is refused. */
    UNSUPPORTED("unsupported");

    private final String wire;

    CapabilityState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static CapabilityState fromWire(String value) {
        for (CapabilityState state : values()) {
            if (state.wire.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown capability state: " + value);
    }

    /** The more restrictive of the two. */
    public CapabilityState worst(CapabilityState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
