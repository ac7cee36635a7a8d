package com.betterfleet.access.authorisation.registry.application;

import java.time.Instant;

/**
 * The masked view of one registry entry (no raw token exists to show).
 *
 * @param changedAt the changedAt of the last change applied (when it was applied, for an item
 *        without one); null if last written before changedAt existed
 */
public record IdentifierView(String accountId, String idHash, String idMask, String idTokenType, String accessClass,
        String vehicleId, String agreementId, String status, Instant validFrom, Instant validUntil, Instant updatedAt,
        Instant changedAt) {
}
