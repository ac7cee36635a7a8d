package com.betterfleet.access.accesspolicy.shared.application.port;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * One writer per charger at a time: every write transaction about a charger (policy, override,
 * capability) takes this lock first, so their checks (version, account, capability) and writes
 * cannot interleave. The boundary ticker does not take it; it row-locks schedule_state instead.
 */
public interface ChargerLocks {
    /** Blocks the transaction until it holds the charger's lock; released at commit or rollback. */
    Uni<Void> lock(SqlConnection transaction, String chargerId);
}
