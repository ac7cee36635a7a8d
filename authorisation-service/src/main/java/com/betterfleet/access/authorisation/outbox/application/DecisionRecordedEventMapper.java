package com.betterfleet.access.authorisation.outbox.application;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.decision.domain.AccessDecision;
import com.betterfleet.access.authorisation.decision.domain.DecisionRecord;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Turns a {@link DecisionRecord} into the JSON text of its decision_recorded CloudEvent. */
@Singleton
public class DecisionRecordedEventMapper {
    private final ObjectWriter writer;

    public DecisionRecordedEventMapper(ObjectMapper mapper) {
        this.writer = mapper.writerFor(DecisionRecordedEvent.class);
    }

    public DecisionRecordedEvent toEvent(DecisionRecord r) {
        AccessDecision d = r.decision();
        RegisteredIdentifier id = d.identifier();
        String decisionId = r.decisionId().toString();
        String occurredAt = r.occurredAt().toString();
        DecisionRecordedEvent.Data data = new DecisionRecordedEvent.Data(decisionId, occurredAt, r.chargerId(),
                r.connectorId(), d.accountId(), d.charger().depotId(), r.protocol().wire(), r.identifier().idHash(),
                r.idMask(), r.idTokenType(), id == null ? null : id.accessClass().wire(),
                id == null ? null : id.vehicleId(), id == null ? null : id.agreementId(), d.outcome().wire(),
                r.protocolStatus(), d.reason().wire(), d.accessMode().wire(), d.policySource().wire(),
                d.charger().windowId(), d.charger().policyVersion(),
                d.expiryDate() == null ? null : d.expiryDate().toString());
        return new DecisionRecordedEvent("1.0", decisionId, DecisionRecordedEvent.SOURCE, DecisionRecordedEvent.TYPE,
                r.chargerId(), occurredAt, "application/json", d.accountId(), data);
    }

    public String toJson(DecisionRecord record) {
        try {
            return writer.writeValueAsString(toEvent(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision_recorded could not be serialised", e);
        }
    }
}
