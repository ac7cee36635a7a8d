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
            Object[] row = row(records.get(i));
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = row[c];
            }
        }
        return Tuple.from(Arrays.asList((Object[]) columns));
    }

    /** One record's column values, in {@link #COLUMNS} order. */
    private static Object[] row(AccessRecord record) {
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
        return values;
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
