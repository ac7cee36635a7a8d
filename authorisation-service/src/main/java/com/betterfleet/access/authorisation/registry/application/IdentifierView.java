package com.betterfleet.access.authorisation.registry.application;

import java.time.Instant;

/** The masked view of one registry entry (no raw token exists to show). */
public record IdentifierView(String accountId, String idHash, String idMask, String idTokenType, String accessClass,
        String vehicleId, String agreementId, String status, Instant validFrom, Instant validUntil, Instant updatedAt) {
}
