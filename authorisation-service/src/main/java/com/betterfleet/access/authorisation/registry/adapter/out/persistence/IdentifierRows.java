package com.betterfleet.access.authorisation.registry.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierStatus;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;

import io.vertx.mutiny.sqlclient.Row;

/** Maps {@code identifier} rows to {@link RegisteredIdentifier}. */
public final class IdentifierRows {
    public static final String COLUMNS = "account_id, id_hash, id_token_type, access_class, vehicle_id, "
            + "agreement_id, status, valid_from, valid_until, deleted, updated_at, change_seq";

    private IdentifierRows() {
    }

    /** The entry of a live row; null for a tombstone. */
    public static RegisteredIdentifier fromRow(Row row) {
        if (row.getBoolean("deleted")) {
            return null;
        }
        return new RegisteredIdentifier(row.getString("account_id"), row.getString("id_hash"),
                IdTokenType.fromWire(row.getString("id_token_type")).orElseThrow(),
                AccessClass.fromWire(row.getString("access_class")).orElseThrow(), row.getString("vehicle_id"),
                row.getString("agreement_id"), IdentifierStatus.fromWire(row.getString("status")).orElseThrow(),
                instant(row, "valid_from"), instant(row, "valid_until"));
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
