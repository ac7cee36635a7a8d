package com.betterfleet.access.authorisation.chargerstate.adapter.out.persistence;

import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.chargerstate.application.ChargerStateStore;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.shared.adapter.out.persistence.StateChangeLock;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code charger_state}, written under the state-change lock and stamped with {@code change_seq}. */
@Singleton
public class ChargerStateRepository implements ChargerStateStore {
    private static final String SELECT = "SELECT " + ChargerStateRows.COLUMNS + " FROM charger_state WHERE charger_id = $1";

    private final Pool pool;

    public ChargerStateRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> update(String chargerId, Function<ChargerState, Optional<ChargerState>> change) {
        return pool.withTransaction(connection -> StateChangeLock.acquire(connection)
                .chain(() -> connection.preparedQuery(SELECT).execute(Tuple.of(chargerId)))
                .chain(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    ChargerState current = iterator.hasNext() ? ChargerStateRows.fromRow(iterator.next())
                            : ChargerState.unknown(chargerId);
                    Optional<ChargerState> next = change.apply(current);
                    if (next.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    return connection.preparedQuery(ChargerStateRows.UPSERT).execute(ChargerStateRows.toTuple(next.get()))
                            .replaceWith(true);
                }));
    }
}
