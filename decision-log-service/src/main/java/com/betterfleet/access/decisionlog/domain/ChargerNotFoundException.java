package com.betterfleet.access.decisionlog.domain;

/** The charger has no records visible to the caller (another account's charger looks the same). */
public class ChargerNotFoundException extends RuntimeException {
    public ChargerNotFoundException(String chargerId) {
        super("No records of charger " + chargerId + " are visible to this caller.");
    }
}
