package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.betterfleet.access.decisionlog.domain.DecisionRecord;

/** One access decision as the API shows it (masked identifier and its keyed hash only). */
public record DecisionDto(
        String decisionId,
        String occurredAt,
        String chargerId,
        Integer connectorId,
        String accountId,
        String depotId,
        String protocol,
        String idHash,
        String idMask,
        String idTokenType,
        String accessClass,
        String vehicleId,
        String agreementId,
        String decision,
        String protocolStatus,
        String reason,
        String accessMode,
        String policySource,
        String windowId,
        Long policyVersion,
        String expiryDate) {

    static DecisionDto of(DecisionRecord r) {
        return new DecisionDto(r.decisionId().toString(), iso(r.occurredAt()), r.chargerId(), r.connectorId(),
                r.accountId(), r.depotId(), r.protocol(), r.idHash(), r.idMask(), r.idTokenType(), r.accessClass(),
                r.vehicleId(), r.agreementId(), r.decision().wire(), r.protocolStatus(), r.reason(), r.accessMode(),
                r.policySource(), r.windowId(), r.policyVersion(), iso(r.expiryDate()));
    }

    static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
