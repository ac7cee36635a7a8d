package com.betterfleet.access.decisionlog.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A charger timeline event other than a decision (expected-mode change, mode-change outcome,
 * policy or capability change), kept as the CloudEvent {@code data} it arrived with.
 *
 * @param payloadJson the CloudEvent data object as JSON text
 */
public record TimelineRecord(
        String recordId,
        RecordKind kind,
        Instant occurredAt,
        String chargerId,
        String accountId,
        String depotId,
        String source,
        String payloadJson) implements AccessRecord {

    public TimelineRecord {
        if (recordId == null || recordId.isBlank() || recordId.length() > 200) {
            throw new IllegalArgumentException("event id is required (at most 200 characters)");
        }
        if (ControlCharacters.in(recordId)) {
            // a cursor past this record could not be sent back (Cursor refuses them)
            throw new IllegalArgumentException("event id must not contain control characters");
        }
        Objects.requireNonNull(kind, "kind");
        if (kind.isDecision()) {
            throw new IllegalArgumentException("decisions are DecisionRecords");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        ChargerIds.requireValid(chargerId);
        if (payloadJson == null || payloadJson.isBlank()) {
            throw new IllegalArgumentException("event data is required");
        }
    }
}
