package com.betterfleet.access.accesspolicy.capability.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives a charger's capability (decisions.md section 3):
 * <ul>
 * <li>a family with no profile for the charger's protocol: {@code unsupported}
 * ({@code unknown_family_profile}); a 2.0.1 charger without a family uses the standard profile;</li>
 * <li>OCPP 2.0.1 with a known profile: {@code partially_supported} ({@code gateway_does_not_authorise})
 * until the gateway reports that its Authorize calls reach this system;</li>
 * <li>a failing answer (Rejected, NotSupported, ...) for a required key of the profile:
 * {@code unsupported} ({@code required_key_rejected}); for an optional key:
 * {@code partially_supported} ({@code optional_key_rejected}). Keys the profile does not use are ignored;</li>
 * <li>otherwise {@code fully_supported}.</li>
 * </ul>
 * The state is the most restrictive one any rule gives; every reason is kept.
 */
public final class CapabilityRules {
    private CapabilityRules() {
    }

    public static Capability derive(CapabilityReport report, FamilyCatalog catalog) {
        Optional<ChargerFamily> family = report.family() == null
                ? catalog.standardFor(report.protocol())
                : catalog.find(report.family()).filter(f -> f.protocol() == report.protocol());
        if (family.isEmpty()) {
            String detail = report.family() == null
                    ? "No family reported and no standard profile for " + report.protocol().wire() + "."
                    : "No " + report.protocol().wire() + " profile for family '" + report.family() + "'.";
            return new Capability(CapabilityState.UNSUPPORTED,
                    List.of(new CapabilityReason(CapabilityReason.UNKNOWN_FAMILY_PROFILE, null, detail)));
        }
        CapabilityState state = CapabilityState.FULLY_SUPPORTED;
        List<CapabilityReason> reasons = new ArrayList<>();
        if (report.protocol() == Protocol.OCPP_2_0_1 && !report.gatewayAuthorises()) {
            state = state.worst(CapabilityState.PARTIALLY_SUPPORTED);
            reasons.add(new CapabilityReason(CapabilityReason.GATEWAY_DOES_NOT_AUTHORISE, null,
                    "The charger gateway does not yet send this charger's OCPP 2.0.1 Authorize calls here."));
        }
        for (KeyResult result : report.keyResults()) {
            if (!result.failed() || !family.get().knows(result.key())) {
                continue;
            }
            if (family.get().isRequired(result.key())) {
                state = state.worst(CapabilityState.UNSUPPORTED);
                reasons.add(new CapabilityReason(CapabilityReason.REQUIRED_KEY_REJECTED, result.key(), result.status()));
            } else {
                state = state.worst(CapabilityState.PARTIALLY_SUPPORTED);
                reasons.add(new CapabilityReason(CapabilityReason.OPTIONAL_KEY_REJECTED, result.key(), result.status()));
            }
        }
        return new Capability(state, reasons);
    }
}
