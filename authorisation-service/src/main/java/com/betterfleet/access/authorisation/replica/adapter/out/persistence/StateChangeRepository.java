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

/** Reads committed state changes by {@code change_seq}; tombstones included. */
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
                changes.add(new IdentifierChange(row.getLong("change_seq"), row.getString("account_id"),
                        row.getString("id_hash"), IdentifierRows.fromRow(row)));
            }
            return changes;
        });
    }

    @Override
    public Uni<List<ChargerChange>> chargerChangesAfter(long changeSeq, int limit) {
        return pool.preparedQuery(CHARGERS).execute(Tuple.of(changeSeq, limit)).map(rows -> {
            List<ChargerChange> changes = new ArrayList<>(rows.size());
            for (Row row : rows) {
                changes.add(new ChargerChange(row.getLong("change_seq"), ChargerStateRows.fromRow(row)));
            }
            return changes;
        });
    }
}
