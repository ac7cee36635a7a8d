package com.betterfleet.access.accesspolicy.policy.application;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of {@code charger_access.policy_changed}: the whole policy after the change, or
 * {@code deleted: true} with the version of the deletion.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyChangedData(
        String accountId,
        String chargerId,
        long version,
        boolean deleted,
        @JsonInclude(JsonInclude.Include.ALWAYS) String depotId,
        String timeZone,
        String defaultMode,
        List<PolicyJson.Window> windows,
        @JsonInclude(JsonInclude.Include.ALWAYS) PolicyJson.Override override,
        String updatedAt) {

    public static PolicyChangedData of(ChargerPolicy policy) {
        return new PolicyChangedData(policy.accountId(), policy.chargerId(), policy.version(), false, policy.depotId(),
                policy.policy().timeZone().getId(), policy.policy().defaultMode().wire(),
                PolicyJson.windows(policy.policy().windows()), PolicyJson.override(policy.policy().override()),
                policy.updatedAt().toString());
    }

    public static PolicyChangedData deleted(Tombstone tombstone, String depotId) {
        return new PolicyChangedData(tombstone.accountId(), tombstone.chargerId(), tombstone.version(), true, depotId,
                null, null, null, null, tombstone.deletedAt().toString());
    }
}
