package com.betterfleet.access.accesspolicy.outbox.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.accesspolicy.outbox.application.OutboxEvent;
import com.betterfleet.access.accesspolicy.outbox.application.PendingEvent;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The outbox table (V1__access_policy.sql). */
@ApplicationScoped
public class OutboxRepository implements OutboxStore {
    /** Advisory lock key (two-int form, apart from the per-charger keys): the relay lead. */
    private static final int LOCK_CLASS = 7_001;
    private static final int RELAY_LEAD = 1;

    @Override
    public Uni<Void> append(SqlConnection transaction, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = new UUID[events.size()];
        String[] types = new String[events.size()];
        String[] chargers = new String[events.size()];
        String[] bodies = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            OutboxEvent event = events.get(i);
            ids[i] = event.eventId();
            types[i] = event.type();
            chargers[i] = event.chargerId();
            bodies[i] = event.body();
        }
        // WITH ORDINALITY keeps list order in the ids, which is the order the relay sends in.
        return transaction.preparedQuery("""
                INSERT INTO outbox (event_id, event_type, charger_id, body)
                SELECT e.event_id, e.event_type, e.charger_id, e.body
                FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])
                     WITH ORDINALITY AS e(event_id, event_type, charger_id, body, n)
                ORDER BY e.n""")
                .execute(Tuple.of(ids, types, chargers, bodies))
                .replaceWithVoid();
    }

    @Override
    public Uni<Boolean> tryLead(SqlConnection transaction) {
        return transaction.preparedQuery("SELECT pg_try_advisory_xact_lock($1, $2)")
                .execute(Tuple.of(LOCK_CLASS, RELAY_LEAD))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    @Override
    public Uni<List<PendingEvent>> oldest(SqlConnection transaction, int limit) {
        return transaction.preparedQuery(
                "SELECT id, event_id, event_type, charger_id, body FROM outbox ORDER BY id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<PendingEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(new PendingEvent(row.getLong("id"), row.getUUID("event_id"),
                                row.getString("event_type"), row.getString("charger_id"), row.getString("body")));
                    }
                    return events;
                });
    }

    @Override
    public Uni<Void> delete(SqlConnection transaction, List<Long> ids) {
        return transaction.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Boolean> isEmpty(SqlClient client) {
        return client.query("SELECT NOT EXISTS (SELECT 1 FROM outbox)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    @Override
    public Uni<Backlog> backlog(SqlClient client) {
        return client.query("SELECT count(*), min(created_at) FROM outbox").execute()
                .map(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime oldest = row.getOffsetDateTime(1);
                    return new Backlog(row.getLong(0), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
                });
    }
}
