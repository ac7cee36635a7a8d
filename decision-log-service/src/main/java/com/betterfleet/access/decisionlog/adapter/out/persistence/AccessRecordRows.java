package com.betterfleet.access.decisionlog.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

    /** The SQL array type each column is bound as; payload goes as text and is cast, so the JSON is stored as sent. */
    private static final List<String> ARRAY_TYPES = List.of("text", "timestamptz", "text", "text", "text",
            "text", "text", "uuid", "int4", "text", "text", "text", "text",
            "text", "text", "text", "text", "text", "text", "text",
            "text", "text", "int8", "timestamptz", "text");

    /**
     * A whole batch in one statement: one array per column, unnested into rows. PostgreSQL plans and
     * executes it once, instead of once per row as a pipelined batch of single-row INSERTs would
     * (the per-row statement overhead was most of the database's CPU under Authorize load).
     * ON CONFLICT DO NOTHING makes a redelivered record a no-op; RETURNING names the rows inserted.
     */
    static final String INSERT = insert();

    private AccessRecordRows() {
    }

    private static String insert() {
        List<String> arrays = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            arrays.add("$" + (i + 1) + "::" + ARRAY_TYPES.get(i) + "[]");
            selected.add(COLUMNS.get(i).equals("payload") ? "r.payload::jsonb" : "r." + COLUMNS.get(i));
        }
        return "INSERT INTO access_record (" + String.join(", ", COLUMNS) + ") SELECT " + String.join(", ", selected)
                + " FROM unnest(" + String.join(", ", arrays) + ") AS r(" + String.join(", ", COLUMNS) + ")"
                + " ON CONFLICT (record_id, occurred_at) DO NOTHING RETURNING record_id";
    }

    /** The batch as one array per column, in {@link #COLUMNS} order. */
    static Tuple arrays(List<AccessRecord> records) {
        int n = records.size();
        String[] recordId = new String[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        String[] kind = new String[n];
        String[] source = new String[n];
        String[] chargerId = new String[n];
        String[] accountId = new String[n];
        String[] depotId = new String[n];
        java.util.UUID[] decisionId = new java.util.UUID[n];
        Integer[] connectorId = new Integer[n];
        String[] protocol = new String[n];
        String[] idHash = new String[n];
        String[] idMask = new String[n];
        String[] idTokenType = new String[n];
        String[] accessClass = new String[n];
        String[] vehicleId = new String[n];
        String[] agreementId = new String[n];
        String[] decision = new String[n];
        String[] protocolStatus = new String[n];
        String[] reason = new String[n];
        String[] accessMode = new String[n];
        String[] policySource = new String[n];
        String[] windowId = new String[n];
        Long[] policyVersion = new Long[n];
        OffsetDateTime[] expiryDate = new OffsetDateTime[n];
        String[] payload = new String[n];
        for (int i = 0; i < n; i++) {
            AccessRecord record = records.get(i);
            recordId[i] = record.recordId();
            occurredAt[i] = utc(record.occurredAt());
            kind[i] = record.kind().value();
            source[i] = record.source();
            chargerId[i] = record.chargerId();
            accountId[i] = record.accountId();
            depotId[i] = record.depotId();
            if (record instanceof DecisionRecord d) {
                decisionId[i] = d.decisionId();
                connectorId[i] = d.connectorId();
                protocol[i] = d.protocol();
                idHash[i] = d.idHash();
                idMask[i] = d.idMask();
                idTokenType[i] = d.idTokenType();
                accessClass[i] = d.accessClass();
                vehicleId[i] = d.vehicleId();
                agreementId[i] = d.agreementId();
                decision[i] = d.decision().wire();
                protocolStatus[i] = d.protocolStatus();
                reason[i] = d.reason();
                accessMode[i] = d.accessMode();
                policySource[i] = d.policySource();
                windowId[i] = d.windowId();
                policyVersion[i] = d.policyVersion();
                expiryDate[i] = utc(d.expiryDate());
            } else if (record instanceof TimelineRecord t) {
                payload[i] = t.payloadJson();
            }
        }
        return Tuple.from(List.of(recordId, occurredAt, kind, source, chargerId, accountId, depotId, decisionId,
                connectorId, protocol, idHash, idMask, idTokenType, accessClass, vehicleId, agreementId, decision,
                protocolStatus, reason, accessMode, policySource, windowId, policyVersion, expiryDate, payload));
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
