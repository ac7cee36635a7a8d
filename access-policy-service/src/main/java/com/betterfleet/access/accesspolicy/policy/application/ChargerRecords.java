package com.betterfleet.access.accesspolicy.policy.application;

import java.util.Optional;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;
import com.betterfleet.access.accesspolicy.shared.application.Caller;
import com.betterfleet.access.accesspolicy.shared.application.NotFoundException;

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

    /**
     * The policy, for the routes that need one (GET and DELETE policy, PUT and DELETE override).
     * Another account's charger answers exactly as a charger without a policy, known or not
     * ({@code policy-not-found}): a distinct {@code charger-not-found} here would tell the caller
     * that some other account has this charger id.
     */
    public ChargerPolicy requirePolicyVisibleTo(Caller caller, String chargerId) {
        return policy.filter(p -> caller.sees(p.accountId()))
                .orElseThrow(() -> new NotFoundException("policy-not-found", "Charger " + chargerId + " has no access policy."));
    }

    public Optional<Long> version() {
        return policy.map(ChargerPolicy::version);
    }
}
