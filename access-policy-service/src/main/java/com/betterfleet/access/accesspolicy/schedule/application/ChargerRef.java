package com.betterfleet.access.accesspolicy.schedule.application;

/** The charger an event is about, with what every event carries about it. */
public record ChargerRef(String chargerId, String accountId, String depotId) {
}
