package com.betterfleet.access.accesspolicy.policy.application;

import java.util.Optional;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;

/** Everything stored about one charger. */
public record ChargerRecords(Optional<ChargerPolicy> policy, Optional<Tombstone> tombstone,
        Optional<StoredCapability> capability) {

    /**
     * The account the charger belongs to: that of its policy, else that of its capability, else
     * that of its deleted policy. The tombstone counts because deleting a policy takes the charger
     * out of scheduled access, not out of its account: without it, any other account could write to
     * the charger next and take it over.
     */
    public Optional<String> owner() {
        return policy.map(ChargerPolicy::accountId)
                .or(() -> capability.map(StoredCapability::accountId))
                .or(() -> tombstone.map(Tombstone::accountId));
    }

    public Optional<Long> version() {
        return policy.map(ChargerPolicy::version);
    }
}
