package com.betterfleet.access.accesspolicy.capability.application;

import java.time.Instant;

import com.betterfleet.access.accesspolicy.capability.domain.Capability;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityReport;

/** A charger's reported capability and what was derived from it. */
public record StoredCapability(String chargerId, String accountId, CapabilityReport report, Capability capability,
        Instant updatedAt) {

    /** Whether the two say the same about the charger (ignoring when). */
    public boolean sameAs(StoredCapability other) {
        return other != null && accountId.equals(other.accountId) && report.equals(other.report)
                && capability.equals(other.capability);
    }
}
