package com.betterfleet.access.authorisation.outbox.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.outbox.application.OutboxMessage;
import com.betterfleet.access.authorisation.outbox.application.OutboxStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The relay's side of {@code decision_outbox}. */
@Singleton
public class OutboxRepository implements OutboxStore {
    private static final String LOCK = "SELECT decision_id, payload FROM decision_outbox ORDER BY decision_id LIMIT $1 "
            + "FOR UPDATE SKIP LOCKED";
    private static final String DELETE = "DELETE FROM decision_outbox WHERE decision_id = ANY($1::uuid[])";
    private static final String COUNT = "SELECT count(*) AS n FROM (SELECT 1 FROM decision_outbox LIMIT $1) AS waiting";

    private final Pool pool;

    public OutboxRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<RelayPass> relay(int limit, Function<List<OutboxMessage>, Uni<Set<UUID>>> send) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(limit)).chain(rows -> {
            List<OutboxMessage> messages = new ArrayList<>(rows.size());
            for (Row row : rows) {
                messages.add(new OutboxMessage(row.getUUID("decision_id"), row.getString("payload")));
            }
            if (messages.isEmpty()) {
                return Uni.createFrom().item(new RelayPass(0, 0));
            }
            return send.apply(messages).chain(settled -> {
                if (settled.isEmpty()) {
                    return Uni.createFrom().item(new RelayPass(messages.size(), 0));
                }
                return connection.preparedQuery(DELETE).execute(Tuple.of(settled.toArray(new UUID[0])))
                        .map(deleted -> new RelayPass(messages.size(), settled.size()));
            });
        }));
    }

    @Override
    public Uni<Long> backlog(long cap) {
        return pool.preparedQuery(COUNT).execute(Tuple.of(cap)).map(rows -> rows.iterator().next().getLong("n"));
    }
}
