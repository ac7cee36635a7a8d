package com.betterfleet.access.authorisation.outbox.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** Port: the outbox table, seen from the relay. */
public interface OutboxStore {
    /** Rows locked by one pass and how many of them the broker settled (and were deleted). */
    record RelayPass(int locked, int sent) {
    }

    /**
     * In one transaction: locks up to {@code limit} rows no other replica holds
     * ({@code FOR UPDATE SKIP LOCKED}), hands them to {@code send}, deletes the ones it reports as
     * settled by the broker, commits. Rows not settled stay for a later pass.
     */
    Uni<RelayPass> relay(int limit, Function<List<OutboxMessage>, Uni<Set<UUID>>> send);

    /** Rows waiting, counted up to {@code cap}. */
    Uni<Long> backlog(long cap);
}
