package com.betterfleet.access.authorisation.identifier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One identifier of the registry, as held in memory and in the database: hash and mask only.
 *
 * @param validFrom start of validity, inclusive, or null
 * @param validUntil end of validity, exclusive, or null
 */
public record RegisteredIdentifier(String accountId, String idHash, String idMask, IdTokenType idTokenType,
        AccessClass accessClass, String vehicleId, String agreementId, IdentifierStatus status,
        Instant validFrom, Instant validUntil) {

    public RegisteredIdentifier {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(idMask, "idMask");
        Objects.requireNonNull(idTokenType, "idTokenType");
        Objects.requireNonNull(accessClass, "accessClass");
        Objects.requireNonNull(status, "status");
        if (accessClass == AccessClass.AGREEMENT && agreementId == null) {
            throw new IllegalArgumentException("an agreement identifier needs an agreementId");
        }
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            throw new IllegalArgumentException("validFrom must be before validUntil");
        }
    }

    public boolean notYetValidAt(Instant now) {
        return validFrom != null && now.isBefore(validFrom);
    }

    public boolean expiredAt(Instant now) {
        return validUntil != null && !now.isBefore(validUntil);
    }
}
