package com.betterfleet.access.accesspolicy.capability.adapter.in.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A charger's capability: what was reported and what was derived. */
@RegisterForReflection
@Schema(name = "ChargerCapability")
public record CapabilityResponse(
        String chargerId,
        String accountId,
        String protocol,
        String family,
        boolean gatewayAuthorises,
        List<CapabilityRequest.KeyResultRequest> keyResults,
        @Schema(enumeration = { "fully_supported", "partially_supported", "unsupported" }) String state,
        List<Reason> reasons,
        String updatedAt) {

    @RegisterForReflection
    @Schema(name = "CapabilityReasonDetail")
    public record Reason(String code, String key, String detail) {
    }

    static CapabilityResponse of(StoredCapability stored) {
        return new CapabilityResponse(stored.chargerId(), stored.accountId(), stored.report().protocol().wire(),
                stored.report().family(), stored.report().gatewayAuthorises(),
                stored.report().keyResults().stream()
                        .map(r -> new CapabilityRequest.KeyResultRequest(r.key(), r.status())).toList(),
                stored.capability().state().wire(),
                stored.capability().reasons().stream().map(r -> new Reason(r.code(), r.key(), r.detail())).toList(),
                stored.updatedAt().toString());
    }
}
