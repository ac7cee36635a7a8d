package com.betterfleet.access.accesspolicy.policy.adapter.out.persistence;

import static com.betterfleet.access.accesspolicy.policy.adapter.out.persistence.PolicyRows.instant;
import static com.betterfleet.access.accesspolicy.policy.adapter.out.persistence.PolicyRows.timestamp;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.accesspolicy.capability.domain.CapabilityState;
import com.betterfleet.access.accesspolicy.policy.application.ChargerPolicy;
import com.betterfleet.access.accesspolicy.policy.application.ChargerSummary;
import com.betterfleet.access.accesspolicy.policy.application.ListQuery;
import com.betterfleet.access.accesspolicy.policy.application.Tombstone;
import com.betterfleet.access.accesspolicy.policy.application.port.PolicyStore;
import com.betterfleet.access.accesspolicy.schedule.adapter.out.persistence.ScheduleStateRows;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessOverride;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessPolicy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** access_policy and access_policy_tombstone (V1__access_policy.sql). */
@ApplicationScoped
public class PolicyRepository implements PolicyStore {

    @Override
    public Uni<Optional<ChargerPolicy>> find(SqlClient client, String chargerId) {
        return client.preparedQuery("SELECT " + PolicyRows.COLUMNS + " FROM access_policy p WHERE p.charger_id = $1")
                .execute(Tuple.of(chargerId))
                .map(rows -> first(rows).map(PolicyRows::policy));
    }

    @Override
    public Uni<Optional<Tombstone>> findTombstone(SqlClient client, String chargerId) {
        return client.preparedQuery(
                "SELECT charger_id, account_id, version, deleted_at FROM access_policy_tombstone WHERE charger_id = $1")
                .execute(Tuple.of(chargerId))
                .map(rows -> first(rows).map(row -> new Tombstone(row.getString("charger_id"),
                        row.getString("account_id"), row.getLong("version"), instant(row.getOffsetDateTime("deleted_at")))));
    }

    @Override
    public Uni<Void> save(SqlConnection transaction, ChargerPolicy saved) {
        AccessPolicy policy = saved.policy();
        AccessOverride override = policy.override();
        Tuple values = Tuple.tuple()
                .addValue(saved.chargerId())
                .addValue(saved.accountId())
                .addValue(saved.depotId())
                .addValue(policy.timeZone().getId())
                .addValue(policy.defaultMode().wire())
                .addValue(PolicyRows.windowsJson(policy.windows()))
                .addValue(override == null ? null : override.mode().wire())
                .addValue(override == null ? null : timestamp(override.until()))
                .addValue(override == null ? null : override.reason())
                .addValue(policy.version())
                .addValue(timestamp(saved.updatedAt()));
        return transaction.preparedQuery("""
                WITH revived AS (DELETE FROM access_policy_tombstone WHERE charger_id = $1)
                INSERT INTO access_policy (charger_id, account_id, depot_id, time_zone, default_mode, windows,
                                           override_mode, override_until, override_reason, version, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (charger_id) DO UPDATE SET
                    account_id = EXCLUDED.account_id, depot_id = EXCLUDED.depot_id, time_zone = EXCLUDED.time_zone,
                    default_mode = EXCLUDED.default_mode, windows = EXCLUDED.windows,
                    override_mode = EXCLUDED.override_mode, override_until = EXCLUDED.override_until,
                    override_reason = EXCLUDED.override_reason, version = EXCLUDED.version,
                    updated_at = EXCLUDED.updated_at""")
                .execute(values)
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> delete(SqlConnection transaction, Tombstone tombstone) {
        return transaction.preparedQuery("""
                WITH gone AS (DELETE FROM access_policy WHERE charger_id = $1)
                INSERT INTO access_policy_tombstone (charger_id, account_id, version, deleted_at)
                VALUES ($1, $2, $3, $4)
                ON CONFLICT (charger_id) DO UPDATE SET
                    account_id = EXCLUDED.account_id, version = EXCLUDED.version, deleted_at = EXCLUDED.deleted_at""")
                .execute(Tuple.of(tombstone.chargerId(), tombstone.accountId(), tombstone.version(),
                        timestamp(tombstone.deletedAt())))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<ChargerSummary>> list(SqlClient client, ListQuery query) {
        Tuple values = Tuple.tuple()
                .addValue(query.accountId())
                .addValue(query.depotId())
                .addValue(query.mode() == null ? null : query.mode().wire())
                .addValue(query.capability() == null ? null : query.capability().wire())
                .addValue(query.unknownCapability())
                .addValue(query.afterChargerId())
                .addValue(query.limit());
        // Chargers with a policy, and chargers of the account that only reported a capability.
        return client.preparedQuery("""
                SELECT c.charger_id, c.account_id, c.depot_id, c.time_zone, c.version,
                       s.mode, s.source, s.window_id, s.policy_version, s.since, s.next_boundary_at, s.mode_until,
                       cap.state AS capability_state
                FROM (
                    SELECT charger_id, account_id, depot_id, time_zone, version FROM access_policy
                    WHERE account_id = $1
                    UNION ALL
                    SELECT k.charger_id, k.account_id, NULL, NULL, NULL FROM charger_capability k
                    WHERE k.account_id = $1
                      AND NOT EXISTS (SELECT 1 FROM access_policy p WHERE p.charger_id = k.charger_id)
                ) c
                LEFT JOIN schedule_state s ON s.charger_id = c.charger_id
                LEFT JOIN charger_capability cap ON cap.charger_id = c.charger_id
                WHERE ($2::text IS NULL OR c.depot_id = $2)
                  AND ($3::text IS NULL OR coalesce(s.mode, 'managed_access') = $3)
                  AND ($4::text IS NULL OR cap.state = $4)
                  AND (NOT $5::boolean OR cap.state IS NULL)
                  AND ($6::text IS NULL OR c.charger_id > $6)
                ORDER BY c.charger_id
                LIMIT $7""")
                .execute(values)
                .map(PolicyRepository::summaries);
    }

    private static List<ChargerSummary> summaries(RowSet<Row> rows) {
        List<ChargerSummary> summaries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String zone = row.getString("time_zone");
            String capability = row.getString("capability_state");
            summaries.add(new ChargerSummary(row.getString("charger_id"), row.getString("account_id"),
                    row.getString("depot_id"), zone == null ? null : ZoneId.of(zone), row.getLong("version"),
                    row.getString("mode") == null ? null : ScheduleStateRows.state(row),
                    capability == null ? null : CapabilityState.fromWire(capability)));
        }
        return summaries;
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
