package com.betterfleet.access.authorisation.decision.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerAccess;
import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.chargerstate.domain.PolicySource;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;

/**
 * The result of the decision table for one Authorize request.
 *
 * @param accountId the charger's account, or null for a charger this service has never heard of
 * @param identifier the registry entry the decision rests on, or null (unknown, freevend)
 * @param expiryDate how long the charger may rely on an Accepted answer, or null; whole seconds
 */
public record AccessDecision(DecisionReason reason, ChargerAccess charger, String accountId,
        RegisteredIdentifier identifier, Instant expiryDate) {

    public AccessDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(charger, "charger");
        if (expiryDate != null && reason.outcome() != Outcome.ALLOWED) {
            throw new IllegalArgumentException("only an allowed decision has an expiryDate");
        }
        // Chargers parse it, and whole seconds are what every OCPP implementation reads, while a
        // validUntil or an override's until may carry microseconds.
        // Rounding down keeps a charger's cache from outliving the period by a fraction of a second.
        if (expiryDate != null) {
            expiryDate = expiryDate.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    public Outcome outcome() {
        return reason.outcome();
    }

    public String statusIn(OcppProtocol protocol) {
        return reason.statusIn(protocol);
    }

    public AccessMode accessMode() {
        return charger.mode();
    }

    public PolicySource policySource() {
        return charger.source();
    }
}
