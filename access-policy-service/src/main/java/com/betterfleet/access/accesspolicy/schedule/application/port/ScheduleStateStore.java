package com.betterfleet.access.accesspolicy.schedule.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.betterfleet.access.accesspolicy.schedule.application.DueCharger;
import com.betterfleet.access.accesspolicy.schedule.application.TrackedState;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The schedule_state table: last published state and next boundary per charger. */
public interface ScheduleStateStore {
    /** The charger's state, row-locked until the end of the transaction. */
    Uni<Optional<TrackedState>> lock(SqlConnection transaction, String chargerId);

    Uni<Optional<TrackedState>> find(SqlClient client, String chargerId);

    Uni<Void> save(SqlConnection transaction, String chargerId, TrackedState state);

    Uni<Void> delete(SqlConnection transaction, String chargerId);

    /** Whether any boundary is due at {@code now}: one probe of the boundary index. */
    Uni<Boolean> anyDue(SqlClient client, Instant now);

    /**
     * Up to {@code limit} chargers whose boundary is due at {@code now}, earliest first, row-locked;
     * rows another transaction holds are skipped (another replica is on them).
     */
    Uni<List<DueCharger>> lockDue(SqlConnection transaction, Instant now, int limit);

    /** Stores many states at once (one statement). */
    Uni<Void> saveAll(SqlConnection transaction, Map<String, TrackedState> states);
}
