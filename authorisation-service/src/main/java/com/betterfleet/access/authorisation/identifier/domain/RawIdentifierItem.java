package com.betterfleet.access.authorisation.identifier.domain;

/**
 * An identifiers:batch item (or one identifier feed message) as received: every field as text, not
 * yet validated. See docs/contracts/identifier-item.schema.json.
 *
 * @param changedAt when the source system changed the identifier (optional; orders redelivered
 *        and reordered items, see {@link ChangeOrder})
 */
public record RawIdentifierItem(String op, String accountId, String idToken, String idTokenType,
        String accessClass, String vehicleId, String agreementId, String status, String validFrom,
        String validUntil, String changedAt) {

    /** An item without changedAt (producers that predate it). */
    public RawIdentifierItem(String op, String accountId, String idToken, String idTokenType, String accessClass,
            String vehicleId, String agreementId, String status, String validFrom, String validUntil) {
        this(op, accountId, idToken, idTokenType, accessClass, vehicleId, agreementId, status, validFrom, validUntil, null);
    }
}
