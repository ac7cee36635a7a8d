package com.betterfleet.access.accesspolicy.policy.application;

import java.time.ZoneId;

import com.betterfleet.access.accesspolicy.capability.domain.CapabilityState;
import com.betterfleet.access.accesspolicy.schedule.application.TrackedState;

/**
 * One row of the charger list: the tracked (published) expected mode, not re-evaluated.
 *
 * @param timeZone      {@code null} without a policy
 * @param policyVersion {@code null} without a policy
 * @param state         {@code null} without a policy (managed access, source none)
 * @param capability    {@code null} when none was reported
 */
public record ChargerSummary(String chargerId, String accountId, String depotId, ZoneId timeZone, Long policyVersion,
        TrackedState state, CapabilityState capability) {
}
