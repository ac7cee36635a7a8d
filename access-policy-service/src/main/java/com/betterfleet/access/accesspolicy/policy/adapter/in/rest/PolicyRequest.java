package com.betterfleet.access.accesspolicy.policy.adapter.in.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.betterfleet.access.accesspolicy.policy.application.PolicyJson;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of PUT access-policy. Values are read as strings so that a bad one is reported by field;
 * unknown fields are ignored, so a GET response can be sent back as it is.
 */
@RegisterForReflection
@Schema(name = "AccessPolicyRequest")
public record PolicyRequest(
        @Schema(required = true, example = "acc-1") String accountId,
        @Schema(example = "depot-7") String depotId,
        @Schema(required = true, description = "IANA time zone of the depot", example = "Europe/London") String timeZone,
        @Schema(required = true, enumeration = { "freevend", "managed_access" }) String defaultMode,
        @Schema(description = "Recurring windows; none means the default mode always. validFrom, validUntil and "
                + "exceptDates are dates from 1970-01-01 to 9999-12-31") List<PolicyJson.Window> windows,
        @Schema(description = "Optional temporary override; until is ISO-8601 with offset, in the future, at most "
                + "9999-12-31T23:59:59Z") PolicyJson.Override override) {
}
