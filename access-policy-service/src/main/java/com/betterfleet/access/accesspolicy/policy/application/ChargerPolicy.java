package com.betterfleet.access.accesspolicy.policy.application;

import java.time.Instant;
import java.util.Objects;

import com.betterfleet.access.accesspolicy.schedule.application.ChargerRef;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessPolicy;

/** A charger's stored access policy with what the engine does not need: account, depot, last change. */
public record ChargerPolicy(String chargerId, String accountId, String depotId, AccessPolicy policy, Instant updatedAt) {
    public ChargerPolicy {
        Objects.requireNonNull(chargerId, "chargerId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public long version() {
        return policy.version();
    }

    public ChargerRef ref() {
        return new ChargerRef(chargerId, accountId, depotId);
    }
}
