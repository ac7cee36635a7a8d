package com.betterfleet.access.accesspolicy.capability.domain;

import java.util.List;
import java.util.Objects;

/** A derived capability: the state and every reason that led to it (empty when fully supported). */
public record Capability(CapabilityState state, List<CapabilityReason> reasons) {
    public Capability {
        Objects.requireNonNull(state, "state");
        reasons = List.copyOf(reasons);
    }

    /** Whether managed access may be scheduled on the charger at all. */
    public boolean allowsManagedAccess() {
        return state != CapabilityState.UNSUPPORTED;
    }
}
