package com.betterfleet.access.accesspolicy.outbox.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.betterfleet.access.accesspolicy.outbox.application.OutboxEvent;
import com.betterfleet.access.accesspolicy.outbox.application.PendingEvent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The outbox table. Writes take the connection of the caller's transaction. */
public interface OutboxStore {
    /** Appends events in list order, in the caller's transaction. */
    Uni<Void> append(SqlConnection transaction, List<OutboxEvent> events);

    /**
     * Takes the relay lead for the rest of the transaction: one relay at a time across replicas, so
     * that every charger's events leave in the order they were committed.
     */
    Uni<Boolean> tryLead(SqlConnection transaction);

    /** The oldest rows, in id order. */
    Uni<List<PendingEvent>> oldest(SqlConnection transaction, int limit);

    Uni<Void> delete(SqlConnection transaction, List<Long> ids);

    /** Whether anything waits, with one index probe. */
    Uni<Boolean> isEmpty(SqlClient client);

    /** Rows waiting and when the oldest was written. */
    Uni<Backlog> backlog(SqlClient client);

    record Backlog(long rows, Optional<Instant> oldestCreatedAt) {
    }
}
