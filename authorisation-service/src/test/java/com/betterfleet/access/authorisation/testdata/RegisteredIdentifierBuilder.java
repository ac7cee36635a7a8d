package com.betterfleet.access.authorisation.testdata;

import java.time.Instant;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.HashedIdentifier;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierHasher;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierStatus;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;

/** Registry entries for domain tests: an active own-fleet RFID card of account acc-A unless told otherwise. */
public final class RegisteredIdentifierBuilder {
    public static final IdentifierHasher HASHER = new IdentifierHasher("contract-test-pepper");

    private String accountId = "acc-A";
    private String token = "04A23F9A";
    private IdTokenType type = IdTokenType.ISO14443;
    private AccessClass accessClass = AccessClass.OWN_FLEET;
    private String vehicleId = "bus-12";
    private String agreementId;
    private IdentifierStatus status = IdentifierStatus.ACTIVE;
    private Instant validFrom;
    private Instant validUntil;

    public static RegisteredIdentifierBuilder ownFleet() {
        return new RegisteredIdentifierBuilder();
    }

    public static RegisteredIdentifierBuilder agreement(String agreementId) {
        RegisteredIdentifierBuilder b = new RegisteredIdentifierBuilder();
        b.accessClass = AccessClass.AGREEMENT;
        b.agreementId = agreementId;
        b.vehicleId = null;
        return b;
    }

    public RegisteredIdentifierBuilder account(String accountId) {
        this.accountId = accountId;
        return this;
    }

    public RegisteredIdentifierBuilder token(String token, IdTokenType type) {
        this.token = token;
        this.type = type;
        return this;
    }

    public RegisteredIdentifierBuilder status(IdentifierStatus status) {
        this.status = status;
        return this;
    }

    public RegisteredIdentifierBuilder validFrom(Instant validFrom) {
        this.validFrom = validFrom;
        return this;
    }

    public RegisteredIdentifierBuilder validUntil(Instant validUntil) {
        this.validUntil = validUntil;
        return this;
    }

    public HashedIdentifier hashed() {
        return HASHER.hash(token, type);
    }

    public RegisteredIdentifier build() {
        HashedIdentifier h = hashed();
        return new RegisteredIdentifier(accountId, h.idHash(), type, accessClass, vehicleId, agreementId, status,
                validFrom, validUntil);
    }
}
