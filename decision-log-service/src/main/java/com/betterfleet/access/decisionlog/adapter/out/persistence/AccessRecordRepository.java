package com.betterfleet.access.decisionlog.adapter.out.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.decisionlog.application.port.AccessRecordStore;
import com.betterfleet.access.decisionlog.application.port.RecordRejectedException;
import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.CallerScope;
import com.betterfleet.access.decisionlog.domain.Cursor;
import com.betterfleet.access.decisionlog.domain.DecisionFilter;
import com.betterfleet.access.decisionlog.domain.DecisionRecord;
import com.betterfleet.access.decisionlog.domain.RecordKind;
import com.betterfleet.access.decisionlog.domain.StoreResult;
import com.betterfleet.access.decisionlog.domain.SummaryGroupBy;
import com.betterfleet.access.decisionlog.domain.SummaryRow;
import com.betterfleet.access.decisionlog.domain.TimeRange;
import com.betterfleet.access.decisionlog.domain.TimelineFilter;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@code access_record} and {@code charger_account} on PostgreSQL (reactive client). */
@ApplicationScoped
public class AccessRecordRepository implements AccessRecordStore {
    private static final String ORDER_NEWEST_FIRST = " ORDER BY occurred_at DESC, record_id DESC";
    private static final String REMEMBER_CHARGER_ACCOUNTS = "INSERT INTO charger_account (charger_id, account_id) "
            + "SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING";
    /** Charger/account pairs known to be in charger_account, so most batches skip that upsert. */
    private static final int KNOWN_PAIRS_LIMIT = 100_000;

    private final Pool pool;
    /**
     * Dashboard and support queries: a pool of their own, whose statements PostgreSQL stops after
     * {@code access.decision-log.query.statement-timeout}, so that slow queries can neither hold
     * the database for long nor take the connections ingestion needs.
     */
    private final Pool queries;
    private final Set<String> knownChargerAccounts = ConcurrentHashMap.newKeySet();

    public AccessRecordRepository(Pool pool, @ReactiveDataSource("queries") Pool queries) {
        this.pool = pool;
        this.queries = queries;
    }

    @Override
    public Uni<StoreResult> append(List<AccessRecord> records) {
        Tuple rows = AccessRecordRows.arrays(records);
        Set<String> newPairs = new LinkedHashSet<>();
        for (AccessRecord record : records) {
            String pair = record.chargerId() + "\u0000" + Optional.ofNullable(record.accountId()).orElse("");
            if (!knownChargerAccounts.contains(pair)) {
                newPairs.add(pair);
            }
        }
        return pool.withTransaction(connection -> connection.preparedQuery(AccessRecordRows.INSERT)
                .execute(rows)
                .map(result -> countInserted(records, result))
                .call(() -> rememberChargerAccounts(connection, newPairs)))
                .invoke(() -> remember(newPairs))
                .onFailure(AccessRecordRepository::refusesTheData).transform(AccessRecordRepository::rejected);
    }

    /**
     * Integrity constraint (23), data (22) or program limit (54, e.g. a value too large for an index
     * row) errors: the same record would fail again. Left as a transient failure, such a record would
     * be redelivered forever and hold up every queue the batcher serves. A batch failing on a limit
     * for its size alone (54001) is harmless here: its records are then stored one by one.
     */
    private static boolean refusesTheData(Throwable failure) {
        if (!(failure instanceof PgException pg) || pg.getSqlState() == null) {
            return false;
        }
        String sqlState = pg.getSqlState();
        return sqlState.startsWith("23") || sqlState.startsWith("22") || sqlState.startsWith("54");
    }

    private static Throwable rejected(Throwable failure) {
        PgException pg = (PgException) failure;
        // the error message names the relation and constraint; its detail (row values) is left out
        return new RecordRejectedException("SQLSTATE " + pg.getSqlState() + ": " + pg.getErrorMessage(), failure);
    }

    /**
     * Records come unique per (record_id, occurred_at) from the use case; a row not returned was
     * already stored. Matched by record id only (a timestamptz comes back at microsecond precision):
     * should one id come twice with different instants, the counts still add up.
     */
    private static StoreResult countInserted(List<AccessRecord> records, RowSet<Row> result) {
        Map<String, Integer> inserted = new HashMap<>();
        for (Row row : result) {
            inserted.merge(row.getString(0), 1, Integer::sum);
        }
        Map<RecordKind, Integer> stored = new HashMap<>();
        Map<RecordKind, Integer> duplicates = new HashMap<>();
        for (AccessRecord record : records) {
            Integer left = inserted.get(record.recordId());
            boolean isNew = left != null && left > 0;
            if (isNew) {
                inserted.put(record.recordId(), left - 1);
            }
            (isNew ? stored : duplicates).merge(record.kind(), 1, Integer::sum);
        }
        return new StoreResult(stored, duplicates);
    }

    private static Uni<Void> rememberChargerAccounts(SqlConnection connection, Set<String> pairs) {
        if (pairs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> chargers = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (String pair : pairs) {
            int separator = pair.indexOf('\u0000');
            chargers.add(pair.substring(0, separator));
            accounts.add(pair.substring(separator + 1));
        }
        return connection.preparedQuery(REMEMBER_CHARGER_ACCOUNTS)
                .execute(Tuple.of(chargers.toArray(String[]::new), accounts.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private void remember(Set<String> pairs) {
        if (knownChargerAccounts.size() + pairs.size() > KNOWN_PAIRS_LIMIT) {
            knownChargerAccounts.clear();
        }
        knownChargerAccounts.addAll(pairs);
    }

    @Override
    public Uni<List<DecisionRecord>> findDecisions(DecisionFilter filter, Optional<Cursor> after, int max) {
        SqlConditions where = decisionConditions(filter);
        after.ifPresent(cursor -> keyset(where, cursor));
        String sql = "SELECT " + AccessRecordRows.SELECT_LIST + " FROM access_record" + where.where()
                + ORDER_NEWEST_FIRST + " LIMIT " + where.param(max);
        return queries.preparedQuery(sql).execute(where.tuple())
                .map(rows -> {
                    List<DecisionRecord> decisions = new ArrayList<>();
                    rows.forEach(row -> decisions.add(AccessRecordRows.decision(row)));
                    return decisions;
                });
    }

    @Override
    public Uni<SummaryRows> summarise(DecisionFilter filter, SummaryGroupBy groupBy, int maxGroups) {
        SqlConditions where = decisionConditions(filter);
        // Hours are grouped as instants and formatted only once grouped: formatting each row first took
        // 60% longer over 3 million rows and sorted them on disk (docs/benchmarks.md, "Decision-log queries").
        String key = switch (groupBy) {
            case REASON -> "reason";
            case CHARGER -> "charger_id";
            case HOUR -> "date_bin('1 hour', occurred_at, TIMESTAMPTZ '2000-01-01 00:00:00Z')";
        };
        // hours: the newest maxGroups (a dashboard's latest hours), then put oldest first
        String order = groupBy == SummaryGroupBy.HOUR ? " ORDER BY key DESC" : " ORDER BY total DESC, key";
        String sql = "SELECT " + key + " AS key, count(*) AS total,"
                + " count(*) FILTER (WHERE decision = 'allowed') AS allowed,"
                + " count(*) FILTER (WHERE decision = 'denied') AS denied,"
                + " (sum(count(*)) OVER ())::bigint AS overall"
                + " FROM access_record" + where.where() + " GROUP BY 1" + order + " LIMIT " + where.param(maxGroups);
        if (groupBy == SummaryGroupBy.HOUR) {
            sql = "SELECT to_char(key AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24\":00:00Z\"') AS key, total, allowed, denied,"
                    + " overall FROM (" + sql + ") AS newest ORDER BY newest.key";
        }
        return queries.preparedQuery(sql).execute(where.tuple())
                .map(rows -> {
                    List<SummaryRow> groups = new ArrayList<>();
                    long overall = 0;
                    for (Row row : rows) {
                        groups.add(new SummaryRow(row.getString("key"), row.getLong("total"), row.getLong("allowed"),
                                row.getLong("denied")));
                        overall = row.getLong("overall");
                    }
                    return new SummaryRows(groups, overall);
                });
    }

    @Override
    public Uni<List<AccessRecord>> findTimeline(TimelineFilter filter, Optional<Cursor> after, int max) {
        SqlConditions where = new SqlConditions().add("charger_id = ?", filter.chargerId());
        filter.scope().accountId().ifPresent(account -> where.add("account_id = ?", account));
        if (!filter.kinds().isEmpty()) {
            where.add("kind = ANY(?)", (Object) filter.kinds().stream().map(RecordKind::value).toArray(String[]::new));
        }
        range(where, filter.range());
        after.ifPresent(cursor -> keyset(where, cursor));
        String sql = "SELECT " + AccessRecordRows.SELECT_LIST + " FROM access_record" + where.where()
                + ORDER_NEWEST_FIRST + " LIMIT " + where.param(max);
        return queries.preparedQuery(sql).execute(where.tuple())
                .map(rows -> {
                    List<AccessRecord> records = new ArrayList<>();
                    rows.forEach(row -> records.add(AccessRecordRows.record(row)));
                    return records;
                });
    }

    @Override
    public Uni<Boolean> chargerVisible(String chargerId, CallerScope scope) {
        SqlConditions where = new SqlConditions().add("charger_id = ?", chargerId);
        scope.accountId().ifPresent(account -> where.add("account_id = ?", account));
        return queries.preparedQuery("SELECT EXISTS (SELECT 1 FROM charger_account" + where.where() + ") AS visible")
                .execute(where.tuple())
                .map(rows -> rows.iterator().next().getBoolean("visible"));
    }

    private static SqlConditions decisionConditions(DecisionFilter filter) {
        SqlConditions where = new SqlConditions().add("kind = 'decision'");
        filter.scope().accountId().ifPresent(account -> where.add("account_id = ?", account));
        if (filter.chargerId() != null) {
            where.add("charger_id = ?", filter.chargerId());
        }
        if (filter.depotId() != null) {
            where.add("depot_id = ?", filter.depotId());
        }
        if (filter.decision() != null) {
            where.add("decision = ?", filter.decision().wire());
        }
        if (filter.reason() != null) {
            where.add("reason = ?", filter.reason());
        }
        if (!filter.idHashes().isEmpty()) {
            where.add("id_hash = ANY(?)", (Object) filter.idHashes().toArray(String[]::new));
        }
        range(where, filter.range());
        return where;
    }

    private static void range(SqlConditions where, TimeRange range) {
        range.fromInclusive().ifPresent(from -> where.add("occurred_at >= ?", AccessRecordRows.utc(from)));
        range.toExclusive().ifPresent(to -> where.add("occurred_at < ?", AccessRecordRows.utc(to)));
    }

    private static void keyset(SqlConditions where, Cursor cursor) {
        where.add("(occurred_at, record_id) < (?, ?)", AccessRecordRows.utc(cursor.occurredAt()), cursor.recordId());
    }
}
