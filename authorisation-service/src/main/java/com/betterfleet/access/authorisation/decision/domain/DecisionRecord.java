package com.betterfleet.access.authorisation.decision.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.identifier.domain.HashedIdentifier;
import com.betterfleet.access.authorisation.identifier.domain.MaskedIdentifier;

/**
 * Everything recorded about one decision (decisions.md section 6): the request facts plus the
 * decision. Holds the identifier's hash and mask only.
 */
public record DecisionRecord(UUID decisionId, Instant occurredAt, String chargerId, Integer connectorId,
        OcppProtocol protocol, HashedIdentifier identifier, AccessDecision decision) {

    public DecisionRecord {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(chargerId, "chargerId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(decision, "decision");
    }

    /** The protocol status the charger was answered with. */
    public String protocolStatus() {
        return decision.statusIn(protocol);
    }

    /**
     * The identifier's mask: when the request carried no type (OCPP 1.6) and an entry matched, the
     * presented one under the entry's type label, which is the mask stored with the entry (the
     * same hash means the same normalised value); else the presented identifier's.
     */
    public String idMask() {
        if (identifier.type() == null && decision.identifier() != null) {
            return MaskedIdentifier.relabel(identifier.idMask(), decision.identifier().idTokenType().maskLabel());
        }
        return identifier.idMask();
    }

    /** The identifier type: the presented one, else the registry entry's, else {@code idTag} (OCPP 1.6). */
    public String idTokenType() {
        if (identifier.type() != null) {
            return identifier.type().name();
        }
        if (decision.identifier() != null) {
            return decision.identifier().idTokenType().name();
        }
        return "idTag";
    }
}
