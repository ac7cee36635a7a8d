package com.betterfleet.access.authorisation.replica.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.chargerstate.adapter.out.persistence.ChargerStateRows;
import com.betterfleet.access.authorisation.registry.adapter.out.persistence.IdentifierRows;
import com.betterfleet.access.authorisation.replica.application.StateChangeSource;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads committed state changes by {@code change_seq}; tombstones included. A row with a value this
 * version does not know (written by a newer version: an enum value it has no constant for, a null
 * or a combination its domain types refuse) is passed on as unreadable, never as a failed query.
 */
@Singleton
public class StateChangeRepository implements StateChangeSource {
    private static final String IDENTIFIERS = "SELECT " + IdentifierRows.COLUMNS
            + " FROM identifier WHERE change_seq > $1 ORDER BY change_seq LIMIT $2";
    private static final String CHARGERS = "SELECT " + ChargerStateRows.COLUMNS
            + ", change_seq FROM charger_state WHERE change_seq > $1 ORDER BY change_seq LIMIT $2";

    private final Pool pool;

    public StateChangeRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<IdentifierChange>> identifierChangesAfter(long changeSeq, int limit) {
        return pool.preparedQuery(IDENTIFIERS).execute(Tuple.of(changeSeq, limit)).map(rows -> {
            List<IdentifierChange> changes = new ArrayList<>(rows.size());
            for (Row row : rows) {
                changes.add(identifierChange(row));
            }
            return changes;
        });
    }

    @Override
    public Uni<List<ChargerChange>> chargerChangesAfter(long changeSeq, int limit) {
        return pool.preparedQuery(CHARGERS).execute(Tuple.of(changeSeq, limit)).map(rows -> {
            List<ChargerChange> changes = new ArrayList<>(rows.size());
            for (Row row : rows) {
                changes.add(chargerChange(row));
            }
            return changes;
        });
    }

    private static IdentifierChange identifierChange(Row row) {
        long changeSeq = row.getLong("change_seq");
        String accountId = row.getString("account_id");
        String idHash = row.getString("id_hash");
        try {
            return new IdentifierChange(changeSeq, accountId, idHash, IdentifierRows.fromRow(row));
        } catch (RuntimeException e) { // mapping is pure: whatever fails here is the row's content
            return IdentifierChange.unreadable(changeSeq, accountId, idHash);
        }
    }

    private static ChargerChange chargerChange(Row row) {
        long changeSeq = row.getLong("change_seq");
        try {
            return new ChargerChange(changeSeq, ChargerStateRows.fromRow(row));
        } catch (RuntimeException e) {
            return ChargerChange.unreadable(changeSeq, row.getString("charger_id"));
        }
    }
}
