package com.betterfleet.access.accesspolicy.policy.adapter.in.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of PUT access-override. */
@RegisterForReflection
@Schema(name = "AccessOverrideRequest")
public record OverrideRequest(
        @Schema(required = true, enumeration = { "freevend", "managed_access" }) String mode,
        @Schema(required = true, description = "ISO-8601 with offset, in the future, at most 9999-12-31T23:59:59Z", example = "2026-12-24T18:00:00Z") String until,
        @Schema(maxLength = 500) String reason) {
}
