package com.betterfleet.access.authorisation.outbox.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code charger_access.decision_recorded} CloudEvent (structured JSON mode), exactly as sent to
 * {@code charger-access.decisions}; see docs/contracts/events.schema.json. {@code id} is the decisionId,
 * so consumers deduplicate on it.
 */
@JsonPropertyOrder({ "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "accountid", "data" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DecisionRecordedEvent(String specversion, String id, String source, String type, String subject, String time,
        String datacontenttype, String accountid, Data data) {

    public static final String TYPE = "charger_access.decision_recorded";
    public static final String SOURCE = "/authorisation-service";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** The record of decisions.md section 6. Every field is present; unknown ones are null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "decisionId", "occurredAt", "chargerId", "connectorId", "accountId", "depotId", "protocol", "idHash",
            "idMask", "idTokenType", "accessClass", "vehicleId", "agreementId", "decision", "protocolStatus", "reason",
            "accessMode", "policySource", "windowId", "policyVersion", "expiryDate" })
    public record Data(String decisionId, String occurredAt, String chargerId, Integer connectorId, String accountId,
            String depotId, String protocol, String idHash, String idMask, String idTokenType, String accessClass,
            String vehicleId, String agreementId, String decision, String protocolStatus, String reason, String accessMode,
            String policySource, String windowId, Long policyVersion, String expiryDate) {
    }
}
