package com.betterfleet.access.authorisation.decision.domain;

import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;

/**
 * Why a decision came out as it did (decisions.md section 5), with its answer in each OCPP
 * vocabulary (1.6 AuthorizationStatus / 2.0.1 AuthorizationStatusEnumType).
 */
public enum DecisionReason {
    FREEVEND("freevend", Outcome.ALLOWED, "Accepted", "Accepted"),
    OWN_FLEET("own_fleet", Outcome.ALLOWED, "Accepted", "Accepted"),
    AGREEMENT("agreement", Outcome.ALLOWED, "Accepted", "Accepted"),
    UNKNOWN_IDENTIFIER("unknown_identifier", Outcome.DENIED, "Invalid", "Unknown"),
    INACTIVE_IDENTIFIER("inactive_identifier", Outcome.DENIED, "Blocked", "Blocked"),
    BLOCKED_IDENTIFIER("blocked_identifier", Outcome.DENIED, "Blocked", "Blocked"),
    EXPIRED_IDENTIFIER("expired_identifier", Outcome.DENIED, "Expired", "Expired"),
    STALE_AGREEMENT("stale_agreement", Outcome.DENIED, "Expired", "Expired"),
    NOT_YET_VALID("not_yet_valid", Outcome.DENIED, "Invalid", "NotAtThisTime"),
    FREEVEND_TAG_IN_MANAGED_ACCESS("freevend_tag_in_managed_access", Outcome.DENIED, "Invalid", "Unknown");

    private final String wire;
    private final Outcome outcome;
    private final String ocpp16Status;
    private final String ocpp201Status;

    DecisionReason(String wire, Outcome outcome, String ocpp16Status, String ocpp201Status) {
        this.wire = wire;
        this.outcome = outcome;
        this.ocpp16Status = ocpp16Status;
        this.ocpp201Status = ocpp201Status;
    }

    public String wire() {
        return wire;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The status the charger is answered with, in the vocabulary of {@code protocol}. */
    public String statusIn(OcppProtocol protocol) {
        return protocol == OcppProtocol.OCPP201 ? ocpp201Status : ocpp16Status;
    }
}
