package com.betterfleet.access.decisionlog.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One access decision (decisions.md section 6). Holds the masked identifier and its keyed hash
 * only, never the raw identifier.
 */
public record DecisionRecord(
        UUID decisionId,
        Instant occurredAt,
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
        DecisionOutcome decision,
        String protocolStatus,
        String reason,
        String accessMode,
        String policySource,
        String windowId,
        Long policyVersion,
        Instant expiryDate,
        String source) implements AccessRecord {

    private static final Pattern ID_HASH = Pattern.compile("[0-9a-f]{64}");

    public DecisionRecord {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        ChargerIds.requireValid(chargerId);
        requireText(protocol, "protocol");
        if (idHash == null || !ID_HASH.matcher(idHash).matches()) {
            // never echo the value: a producer bug could have put a raw identifier here
            throw new IllegalArgumentException("idHash must be a hex HMAC-SHA256");
        }
        requireText(idMask, "idMask");
        if (idMask.length() > 40) {
            throw new IllegalArgumentException("idMask must be at most 40 characters");
        }
        requireText(idTokenType, "idTokenType");
        Objects.requireNonNull(decision, "decision");
        requireText(protocolStatus, "protocolStatus");
        requireText(reason, "reason");
        requireText(accessMode, "accessMode");
        requireText(policySource, "policySource");
        if (connectorId != null && connectorId < 0) {
            throw new IllegalArgumentException("connectorId must not be negative");
        }
    }

    @Override
    public String recordId() {
        return decisionId.toString();
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DECISION;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
