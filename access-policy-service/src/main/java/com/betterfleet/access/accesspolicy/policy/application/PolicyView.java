package com.betterfleet.access.accesspolicy.policy.application;

import java.time.Instant;
import java.util.Optional;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;
import com.betterfleet.access.accesspolicy.capability.domain.Enforcement;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessOverride;

/**
 * A policy as reads show it: with the charger's capability and what it means for enforcement.
 *
 * @param activeOverride the override if it is still in force at the read, else {@code null}
 */
public record PolicyView(ChargerPolicy policy, Optional<StoredCapability> capability, AccessOverride activeOverride) {

    public static PolicyView of(ChargerPolicy policy, Optional<StoredCapability> capability, Instant now) {
        AccessOverride override = policy.policy().override();
        return new PolicyView(policy, capability, override != null && override.appliesAt(now) ? override : null);
    }

    public Enforcement enforcement() {
        return Enforcement.of(capability.map(c -> c.capability().state()));
    }
}
