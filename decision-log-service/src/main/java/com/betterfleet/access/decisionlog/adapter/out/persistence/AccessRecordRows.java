package com.betterfleet.access.decisionlog.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.DecisionOutcome;
import com.betterfleet.access.decisionlog.domain.DecisionRecord;
import com.betterfleet.access.decisionlog.domain.RecordKind;
import com.betterfleet.access.decisionlog.domain.TimelineRecord;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Mapping between records and rows of {@code access_record}. */
final class AccessRecordRows {
    static final List<String> COLUMNS = List.of("record_id", "occurred_at", "kind", "event_source", "charger_id",
            "account_id", "depot_id", "decision_id", "connector_id", "protocol", "id_hash", "id_mask", "id_token_type",
            "access_class", "vehicle_id", "agreement_id", "decision", "protocol_status", "reason", "access_mode",
            "policy_source", "window_id", "policy_version", "expiry_date", "payload");

    /** The columns to read; payload as text. */
    static final String SELECT_LIST = String.join(", ", COLUMNS.subList(0, COLUMNS.size() - 1))
            + ", payload::text AS payload_json";

    static final String INSERT = "INSERT INTO access_record (" + String.join(", ", COLUMNS) + ") VALUES ("
            + placeholders() + ") ON CONFLICT (record_id, occurred_at) DO NOTHING RETURNING record_id";

    private AccessRecordRows() {
    }

    private static String placeholders() {
        List<String> marks = new ArrayList<>();
        for (int i = 1; i <= COLUMNS.size(); i++) {
            // payload is bound as text and cast, so that the JSON text is stored as it is
            marks.add(i == COLUMNS.size() ? "$" + i + "::text::jsonb" : "$" + i);
        }
        return String.join(", ", marks);
    }

    static Tuple tuple(AccessRecord record) {
        Object[] values = new Object[COLUMNS.size()];
        values[0] = record.recordId();
        values[1] = utc(record.occurredAt());
        values[2] = record.kind().value();
        values[3] = record.source();
        values[4] = record.chargerId();
        values[5] = record.accountId();
        values[6] = record.depotId();
        if (record instanceof DecisionRecord d) {
            values[7] = d.decisionId();
            values[8] = d.connectorId();
            values[9] = d.protocol();
            values[10] = d.idHash();
            values[11] = d.idMask();
            values[12] = d.idTokenType();
            values[13] = d.accessClass();
            values[14] = d.vehicleId();
            values[15] = d.agreementId();
            values[16] = d.decision().wire();
            values[17] = d.protocolStatus();
            values[18] = d.reason();
            values[19] = d.accessMode();
            values[20] = d.policySource();
            values[21] = d.windowId();
            values[22] = d.policyVersion();
            values[23] = utc(d.expiryDate());
        } else if (record instanceof TimelineRecord t) {
            values[24] = t.payloadJson();
        }
        return Tuple.from(Arrays.asList(values));
    }

    static AccessRecord record(Row row) {
        RecordKind kind = new RecordKind(row.getString("kind"));
        return kind.isDecision() ? decision(row) : timeline(row, kind);
    }

    static DecisionRecord decision(Row row) {
        return new DecisionRecord(
                row.getUUID("decision_id"),
                instant(row.getOffsetDateTime("occurred_at")),
                row.getString("charger_id"),
                row.getInteger("connector_id"),
                row.getString("account_id"),
                row.getString("depot_id"),
                row.getString("protocol"),
                row.getString("id_hash"),
                row.getString("id_mask"),
                row.getString("id_token_type"),
                row.getString("access_class"),
                row.getString("vehicle_id"),
                row.getString("agreement_id"),
                DecisionOutcome.of(row.getString("decision")).orElseThrow(),
                row.getString("protocol_status"),
                row.getString("reason"),
                row.getString("access_mode"),
                row.getString("policy_source"),
                row.getString("window_id"),
                row.getLong("policy_version"),
                instant(row.getOffsetDateTime("expiry_date")),
                row.getString("event_source"));
    }

    private static TimelineRecord timeline(Row row, RecordKind kind) {
        return new TimelineRecord(
                row.getString("record_id"),
                kind,
                instant(row.getOffsetDateTime("occurred_at")),
                row.getString("charger_id"),
                row.getString("account_id"),
                row.getString("depot_id"),
                row.getString("event_source"),
                row.getString("payload_json"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
