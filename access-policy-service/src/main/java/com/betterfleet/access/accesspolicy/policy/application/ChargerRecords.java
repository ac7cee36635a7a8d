package com.betterfleet.access.accesspolicy.policy.application;

import java.util.Optional;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;

/** Everything stored about one charger. */
public record ChargerRecords(Optional<ChargerPolicy> policy, Optional<Tombstone> tombstone,
        Optional<StoredCapability> capability) {

    /** The account the charger belongs to: that of its policy, else that of its capability. */
    public Optional<String> owner() {
        return policy.map(ChargerPolicy::accountId).or(() -> capability.map(StoredCapability::accountId));
    }

    /** Like {@link #owner()}, also counting the account of a deleted policy. */
    public Optional<String> ownerIncludingDeleted() {
        return owner().or(() -> tombstone.map(Tombstone::accountId));
    }

    public Optional<Long> version() {
        return policy.map(ChargerPolicy::version);
    }
}
