package com.betterfleet.access.accesspolicy.capability.application;

import java.util.List;

import com.betterfleet.access.accesspolicy.capability.domain.CapabilityReason;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code data} of {@code charger_access.capability_changed} (events.schema.json). */
@RegisterForReflection
public record CapabilityChangedData(
        String accountId,
        String chargerId,
        String protocol,
        String family,
        boolean gatewayAuthorises,
        String state,
        List<Reason> reasons) {

    @RegisterForReflection
    public record Reason(String code, String key, String detail) {
        static Reason of(CapabilityReason reason) {
            return new Reason(reason.code(), reason.key(), reason.detail());
        }
    }

    public static CapabilityChangedData of(StoredCapability stored) {
        return new CapabilityChangedData(stored.accountId(), stored.chargerId(), stored.report().protocol().wire(),
                stored.report().family(), stored.report().gatewayAuthorises(), stored.capability().state().wire(),
                stored.capability().reasons().stream().map(Reason::of).toList());
    }
}
