package com.betterfleet.access.accesspolicy.policy.adapter.in.rest;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;
import com.betterfleet.access.accesspolicy.capability.domain.Enforcement;
import com.betterfleet.access.accesspolicy.policy.application.ChargerPolicy;
import com.betterfleet.access.accesspolicy.policy.application.ChargerSummary;
import com.betterfleet.access.accesspolicy.policy.application.ModeView;
import com.betterfleet.access.accesspolicy.policy.application.PolicyJson;
import com.betterfleet.access.accesspolicy.policy.application.PolicyView;
import com.betterfleet.access.accesspolicy.schedule.application.TrackedState;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessOverride;
import com.betterfleet.access.accesspolicy.schedule.domain.ExpectedMode;
import com.betterfleet.access.accesspolicy.schedule.domain.ResolvedInterval;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.RequestValues;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Response bodies of the policy resources. Instants are shown with the offset of the policy's zone. */
final class PolicyResponses {
    private PolicyResponses() {
    }

    @RegisterForReflection
    @Schema(name = "Capability", description = "The charger's capability, as far as enforcement goes")
    record CapabilitySummary(
            @Schema(enumeration = { "fully_supported", "partially_supported", "unsupported" }) String state,
            List<Reason> reasons) {
        static CapabilitySummary of(StoredCapability stored) {
            return new CapabilitySummary(stored.capability().state().wire(), stored.capability().reasons().stream()
                    .map(r -> new Reason(r.code(), r.key(), r.detail())).toList());
        }
    }

    @RegisterForReflection
    @Schema(name = "CapabilityReason")
    record Reason(String code, String key, String detail) {
    }

    @RegisterForReflection
    @Schema(name = "AccessPolicy")
    record Policy(
            String chargerId,
            String accountId,
            String depotId,
            String timeZone,
            @Schema(enumeration = { "freevend", "managed_access" }) String defaultMode,
            List<PolicyJson.Window> windows,
            @Schema(description = "The override while it is in force, else null") PolicyJson.Override override,
            long version,
            String updatedAt,
            @Schema(description = "null until a capability is reported") CapabilitySummary capability,
            @Schema(enumeration = { "guaranteed", "not_guaranteed", "unknown" },
                    description = "not_guaranteed: the charger is partially supported or unsupported") String enforcement) {

        static Policy of(PolicyView view) {
            ChargerPolicy stored = view.policy();
            ZoneId zone = stored.policy().timeZone();
            AccessOverride override = view.activeOverride();
            return new Policy(stored.chargerId(), stored.accountId(), stored.depotId(), zone.getId(),
                    stored.policy().defaultMode().wire(), PolicyJson.windows(stored.policy().windows()),
                    override == null ? null : new PolicyJson.Override(override.mode().wire(),
                            RequestValues.format(override.until(), zone), override.reason()),
                    stored.version(), RequestValues.format(stored.updatedAt(), zone),
                    view.capability().map(CapabilitySummary::of).orElse(null), view.enforcement().wire());
        }
    }

    @RegisterForReflection
    @Schema(name = "AccessMode")
    record AccessMode(
            String chargerId,
            @Schema(enumeration = { "freevend", "managed_access" }) String expectedMode,
            @Schema(description = "Start of the interval with this mode, source and window; null if unbounded") String since,
            @Schema(description = "Next boundary (mode, source or window changes); null if none within the engine's horizon")
            String until,
            @Schema(description = "First change of the access mode itself (a hand-over to another window or source of "
                    + "the same mode is skipped); null if none within the engine's horizon") String modeUntil,
            @Schema(enumeration = { "schedule", "override", "default", "none" }) String source,
            String windowId,
            long policyVersion,
            String timeZone,
            @Schema(enumeration = { "guaranteed", "not_guaranteed", "unknown" }) String enforcement) {

        static AccessMode of(ModeView view) {
            ExpectedMode mode = view.expected();
            ZoneId zone = view.timeZone();
            return new AccessMode(view.chargerId(), mode.mode().wire(), RequestValues.format(mode.since(), zone),
                    RequestValues.format(mode.until(), zone), RequestValues.format(mode.modeUntil(), zone),
                    mode.source().wire(), mode.windowId(), mode.policyVersion(), zone == null ? null : zone.getId(),
                    view.enforcement().wire());
        }
    }

    @RegisterForReflection
    @Schema(name = "ResolvedInterval")
    record Interval(
            @Schema(enumeration = { "freevend", "managed_access" }) String mode,
            String from,
            String to,
            @Schema(enumeration = { "schedule", "override", "default", "none" }) String source,
            String windowId) {

        static Interval of(ResolvedInterval interval, ZoneId zone) {
            return new Interval(interval.mode().wire(), RequestValues.format(interval.from(), zone),
                    RequestValues.format(interval.to(), zone), interval.source().wire(), interval.windowId());
        }
    }

    @RegisterForReflection
    @Schema(name = "ChargerSummary")
    record Charger(
            String chargerId,
            String accountId,
            String depotId,
            String timeZone,
            @Schema(description = "null without a policy") Long policyVersion,
            @Schema(description = "As last published (tracked at every boundary)") String expectedMode,
            String source,
            String windowId,
            String since,
            String until,
            @Schema(enumeration = { "fully_supported", "partially_supported", "unsupported" }) String capability,
            @Schema(enumeration = { "guaranteed", "not_guaranteed", "unknown" }) String enforcement) {

        static Charger of(ChargerSummary summary) {
            ZoneId zone = summary.timeZone();
            TrackedState state = summary.state();
            String enforcement = Enforcement.of(Optional.ofNullable(summary.capability())).wire();
            return new Charger(summary.chargerId(), summary.accountId(), summary.depotId(),
                    zone == null ? null : zone.getId(), summary.policyVersion(),
                    state == null ? "managed_access" : state.mode().wire(),
                    state == null ? "none" : state.source().wire(),
                    state == null ? null : state.windowId(),
                    state == null ? null : RequestValues.format(state.since(), zone),
                    state == null ? null : RequestValues.format(state.nextBoundaryAt(), zone),
                    summary.capability() == null ? null : summary.capability().wire(), enforcement);
        }
    }

    @RegisterForReflection
    @Schema(name = "ChargerPage")
    record Page(List<Charger> items, @Schema(description = "Pass as cursor for the next page; null on the last") String nextCursor) {
    }
}
