package com.betterfleet.access.authorisation.identifier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One identifier of the registry, as every replica holds it in memory: its hash, never the raw
 * value. Its mask is not held: a decision records the presented identifier's, relabelled with this
 * entry's type ({@link MaskedIdentifier#relabel}), which is the stored mask exactly, and the
 * registry's listings read the mask from the database. At a million identifiers that is 80 MB less
 * heap (docs/benchmarks.md, "Registry scale").
 *
 * @param validFrom start of validity, inclusive, or null
 * @param validUntil end of validity, exclusive, or null
 */
public record RegisteredIdentifier(String accountId, String idHash, IdTokenType idTokenType,
        AccessClass accessClass, String vehicleId, String agreementId, IdentifierStatus status,
        Instant validFrom, Instant validUntil) {

    public RegisteredIdentifier {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(idHash, "idHash");
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
