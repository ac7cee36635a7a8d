package com.betterfleet.access.accesspolicy.capability.adapter.in.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of PUT capability. */
@RegisterForReflection
@Schema(name = "CapabilityRequest")
public record CapabilityRequest(
        @Schema(description = "Needed only from a caller without an account, for a charger not known yet") String accountId,
        @Schema(required = true, enumeration = { "ocpp1.6", "ocpp2.0.1" }) String protocol,
        @Schema(description = "Charger family profile, e.g. MicroOcpp; optional for 2.0.1 (standard profile)") String family,
        @Schema(description = "2.0.1: the gateway sends this charger's Authorize calls here (default false)") Boolean gatewayAuthorises,
        @Schema(description = "Optional: what the charger answered per configuration key") List<KeyResultRequest> keyResults) {

    @RegisterForReflection
    @Schema(name = "KeyResult")
    public record KeyResultRequest(
            String key,
            @Schema(enumeration = { "Accepted", "RebootRequired", "Rejected", "NotSupported", "UnknownComponent",
                    "UnknownVariable", "NotSupportedAttributeType" }) String status) {
    }
}
