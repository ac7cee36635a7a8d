package com.betterfleet.access.accesspolicy.schedule.adapter.out.persistence;

import static com.betterfleet.access.accesspolicy.policy.adapter.out.persistence.PolicyRows.timestamp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.betterfleet.access.accesspolicy.policy.adapter.out.persistence.PolicyRows;
import com.betterfleet.access.accesspolicy.policy.application.ChargerPolicy;
import com.betterfleet.access.accesspolicy.schedule.application.ChargerRef;
import com.betterfleet.access.accesspolicy.schedule.application.DueCharger;
import com.betterfleet.access.accesspolicy.schedule.application.TrackedState;
import com.betterfleet.access.accesspolicy.schedule.application.port.ScheduleStateStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** schedule_state (V1__access_policy.sql, V2__schedule_state_mode_until.sql); the ticker's queries use the schedule_state_due index. */
@ApplicationScoped
public class ScheduleStateRepository implements ScheduleStateStore {
    private static final Logger LOG = Logger.getLogger(ScheduleStateRepository.class);
    private static final String SELECT = "SELECT " + ScheduleStateRows.COLUMNS + " FROM schedule_state s WHERE s.charger_id = $1";

    @Override
    public Uni<Optional<TrackedState>> lock(SqlConnection transaction, String chargerId) {
        return transaction.preparedQuery(SELECT + " FOR UPDATE").execute(Tuple.of(chargerId)).map(ScheduleStateRepository::first);
    }

    @Override
    public Uni<Optional<TrackedState>> find(SqlClient client, String chargerId) {
        return client.preparedQuery(SELECT).execute(Tuple.of(chargerId)).map(ScheduleStateRepository::first);
    }

    @Override
    public Uni<Void> save(SqlConnection transaction, String chargerId, TrackedState state) {
        Tuple values = Tuple.tuple()
                .addValue(chargerId)
                .addValue(state.mode().wire())
                .addValue(state.source().wire())
                .addValue(state.windowId())
                .addValue(state.policyVersion())
                .addValue(timestamp(state.since()))
                .addValue(timestamp(state.nextBoundaryAt()))
                .addValue(timestamp(state.modeUntil()));
        return transaction.preparedQuery("""
                INSERT INTO schedule_state (charger_id, mode, source, window_id, policy_version, since, next_boundary_at,
                                            mode_until, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
                ON CONFLICT (charger_id) DO UPDATE SET
                    mode = EXCLUDED.mode, source = EXCLUDED.source, window_id = EXCLUDED.window_id,
                    policy_version = EXCLUDED.policy_version, since = EXCLUDED.since,
                    next_boundary_at = EXCLUDED.next_boundary_at, mode_until = EXCLUDED.mode_until,
                    updated_at = EXCLUDED.updated_at""")
                .execute(values)
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> delete(SqlConnection transaction, String chargerId) {
        return transaction.preparedQuery("DELETE FROM schedule_state WHERE charger_id = $1")
                .execute(Tuple.of(chargerId)).replaceWithVoid();
    }

    /**
     * The earliest boundary, compared here rather than in SQL: {@code min()} is always one probe of
     * the boundary index, whereas {@code next_boundary_at <= $1} as a generic prepared plan may be
     * estimated to match a third of the table and run as a sequential scan.
     */
    @Override
    public Uni<Boolean> anyDue(SqlClient client, Instant now) {
        return client.query("SELECT min(next_boundary_at) FROM schedule_state").execute()
                .map(rows -> {
                    OffsetDateTime earliest = rows.iterator().next().getOffsetDateTime(0);
                    return earliest != null && !earliest.toInstant().isAfter(now);
                });
    }

    @Override
    public Uni<List<DueCharger>> lockDue(SqlConnection transaction, Instant now, int limit) {
        return transaction.preparedQuery("SELECT s.charger_id AS state_charger_id, " + ScheduleStateRows.COLUMNS + ", "
                + PolicyRows.COLUMNS + """
                 FROM schedule_state s JOIN access_policy p ON p.charger_id = s.charger_id
                WHERE s.next_boundary_at <= $1
                ORDER BY s.next_boundary_at
                LIMIT $2
                FOR UPDATE OF s SKIP LOCKED""")
                .execute(Tuple.of(timestamp(now), limit))
                .map(ScheduleStateRepository::dueChargers);
    }

    @Override
    public Uni<Void> saveAll(SqlConnection transaction, Map<String, TrackedState> states) {
        int n = states.size();
        String[] ids = new String[n];
        String[] modes = new String[n];
        String[] sources = new String[n];
        String[] windows = new String[n];
        Long[] versions = new Long[n];
        OffsetDateTime[] since = new OffsetDateTime[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        OffsetDateTime[] modeUntil = new OffsetDateTime[n];
        int i = 0;
        for (Map.Entry<String, TrackedState> entry : states.entrySet()) {
            TrackedState state = entry.getValue();
            ids[i] = entry.getKey();
            modes[i] = state.mode().wire();
            sources[i] = state.source().wire();
            windows[i] = state.windowId();
            versions[i] = state.policyVersion();
            since[i] = timestamp(state.since());
            next[i] = timestamp(state.nextBoundaryAt());
            modeUntil[i] = timestamp(state.modeUntil());
            i++;
        }
        return transaction.preparedQuery("""
                UPDATE schedule_state s SET
                    mode = u.mode, source = u.source, window_id = u.window_id, policy_version = u.policy_version,
                    since = u.since, next_boundary_at = u.next_boundary_at, mode_until = u.mode_until,
                    updated_at = now()
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[],
                            $7::timestamptz[], $8::timestamptz[]) AS u(charger_id, mode, source, window_id,
                                                                       policy_version, since, next_boundary_at,
                                                                       mode_until)
                WHERE s.charger_id = u.charger_id""")
                .execute(Tuple.tuple().addValue(ids).addValue(modes).addValue(sources).addValue(windows)
                        .addValue(versions).addValue(since).addValue(next).addValue(modeUntil))
                .replaceWithVoid();
    }

    private static List<DueCharger> dueChargers(RowSet<Row> rows) {
        List<DueCharger> due = new ArrayList<>(rows.size());
        for (Row row : rows) {
            TrackedState state = ScheduleStateRows.state(row);
            try {
                ChargerPolicy policy = PolicyRows.policy(row);
                due.add(new DueCharger(policy.ref(), state, policy.policy()));
            } catch (RuntimeException e) {
                String chargerId = row.getString("state_charger_id");
                LOG.errorf("stored policy of charger %s cannot be read: %s", chargerId, e.getMessage());
                due.add(new DueCharger(new ChargerRef(chargerId, row.getString("account_id"), row.getString("depot_id")),
                        state, null));
            }
        }
        return due;
    }

    private static Optional<TrackedState> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(ScheduleStateRows.state(iterator.next())) : Optional.empty();
    }
}
