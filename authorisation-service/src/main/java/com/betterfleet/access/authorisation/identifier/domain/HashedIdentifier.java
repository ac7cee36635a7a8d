package com.betterfleet.access.authorisation.identifier.domain;

/**
 * What is kept of a raw identifier: its keyed hash and its mask. The raw value is never held.
 *
 * @param idHash hex HMAC-SHA256 of the normalised value
 * @param idMask type label plus the last 4 characters
 * @param type the token type, or null for an OCPP 1.6 idTag
 */
public record HashedIdentifier(String idHash, String idMask, IdTokenType type) {
    public HashedIdentifier {
        if (idHash == null || idHash.length() != 64) {
            throw new IllegalArgumentException("idHash must be 64 hex characters");
        }
        if (idMask == null || idMask.isEmpty()) {
            throw new IllegalArgumentException("idMask is required");
        }
    }

    /** The type name recorded with a decision: the OCPP type, or {@code idTag} for OCPP 1.6. */
    public String typeName() {
        return type == null ? "idTag" : type.name();
    }

    @Override
    public String toString() {
        return idMask;
    }
}
