package com.betterfleet.access.decisionlog.domain;

import java.time.Instant;

/** One immutable entry of the decision log: a decision or a charger timeline event. */
public sealed interface AccessRecord permits DecisionRecord, TimelineRecord {
    /** decisionId for decisions, the CloudEvent id otherwise; unique together with {@link #occurredAt()}. */
    String recordId();

    RecordKind kind();

    /** When it happened (microsecond precision, as stored). */
    Instant occurredAt();

    String chargerId();

    /** Null only for a decision about a charger and identifier no account knows. */
    String accountId();

    String depotId();

    /** The producing service (CloudEvent source), when known. */
    String source();

    /** The keyset position of this record in newest-first order. */
    default Cursor position() {
        return new Cursor(occurredAt(), recordId());
    }
}
