package com.betterfleet.access.authorisation.shared.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Serialises state-changing transactions (identifiers, charger state). Each takes this
 * transaction-scoped advisory lock before it draws {@code change_seq} numbers, and keeps it until
 * commit: the order of {@code state_change_seq} numbers is then the commit order, which is what
 * lets every replica follow all changes with {@code WHERE change_seq > last} (ADR 0004).
 * Decision writes (the outbox) never take it.
 */
public final class StateChangeLock {
    /** Arbitrary constant ("authstat"), unique within this service's database. */
    public static final long KEY = 0x6175_7468_7374_6174L;

    private StateChangeLock() {
    }

    public static Uni<Void> acquire(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(KEY)).replaceWithVoid();
    }
}
