package com.betterfleet.access.accesspolicy.policy.application;

import com.betterfleet.access.accesspolicy.capability.domain.CapabilityState;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;

/**
 * A page of one account's chargers.
 *
 * @param mode            current expected mode, or {@code null} for any
 * @param capability      capability state, or {@code null} for any
 * @param unknownCapability only chargers without a reported capability (then {@code capability} is null)
 * @param afterChargerId  keyset cursor: chargers after this id, or {@code null} from the start
 */
public record ListQuery(String accountId, String depotId, AccessMode mode, CapabilityState capability,
        boolean unknownCapability, String afterChargerId, int limit) {
}
