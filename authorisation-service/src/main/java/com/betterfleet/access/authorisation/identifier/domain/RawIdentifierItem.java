package com.betterfleet.access.authorisation.identifier.domain;

/**
 * An identifiers:batch item (or one identifier feed message) as received: every field as text, not
 * yet validated. See docs/contracts/identifier-item.schema.json.
 */
public record RawIdentifierItem(String op, String accountId, String idToken, String idTokenType,
        String accessClass, String vehicleId, String agreementId, String status, String validFrom,
        String validUntil) {
}
