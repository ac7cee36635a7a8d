package com.betterfleet.access.accesspolicy.schedule.application;

import com.betterfleet.access.accesspolicy.schedule.domain.AccessPolicy;

/**
 * A charger whose boundary is due, locked by the ticker's transaction.
 *
 * @param policy {@code null} when the stored policy could not be read (the ticker defers the charger)
 */
public record DueCharger(ChargerRef charger, TrackedState state, AccessPolicy policy) {
}
