package com.betterfleet.access.decisionlog.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

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
    private static final int PAYLOAD = COLUMNS.indexOf("payload");
    /** A new Java array of the type the client binds as each SQL array type (no reflection: native). */
    private static final Map<String, IntFunction<Object[]>> JAVA_ARRAYS = Map.of("text", String[]::new,
            "timestamptz", OffsetDateTime[]::new, "uuid", UUID[]::new, "int4", Integer[]::new, "int8", Long[]::new);

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

    /** The batch as one array per column, in {@link #COLUMNS} order, each typed as its SQL array. */
    static Tuple arrays(List<AccessRecord> records) {
        Object[][] columns = new Object[COLUMNS.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = JAVA_ARRAYS.get(ARRAY_TYPES.get(c)).apply(records.size());
        }
        for (int i = 0; i < records.size(); i++) {
            fill(columns, i, records.get(i));
        }
        return Tuple.from(Arrays.asList((Object[]) columns));
    }

    /** Puts one record's column values at row {@code i}, in {@link #COLUMNS} order; columns it lacks stay null. */
    private static void fill(Object[][] columns, int i, AccessRecord record) {
        int c = 0;
        columns[c++][i] = record.recordId();
        columns[c++][i] = utc(record.occurredAt());
        columns[c++][i] = record.kind().value();
        columns[c++][i] = record.source();
        columns[c++][i] = record.chargerId();
        columns[c++][i] = record.accountId();
        columns[c++][i] = record.depotId();
        if (record instanceof DecisionRecord d) {
            columns[c++][i] = d.decisionId();
            columns[c++][i] = d.connectorId();
            columns[c++][i] = d.protocol();
            columns[c++][i] = d.idHash();
            columns[c++][i] = d.idMask();
            columns[c++][i] = d.idTokenType();
            columns[c++][i] = d.accessClass();
            columns[c++][i] = d.vehicleId();
            columns[c++][i] = d.agreementId();
            columns[c++][i] = d.decision().wire();
            columns[c++][i] = d.protocolStatus();
            columns[c++][i] = d.reason();
            columns[c++][i] = d.accessMode();
            columns[c++][i] = d.policySource();
            columns[c++][i] = d.windowId();
            columns[c++][i] = d.policyVersion();
            columns[c][i] = utc(d.expiryDate());
        } else if (record instanceof TimelineRecord t) {
            columns[PAYLOAD][i] = t.payloadJson();
        }
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
