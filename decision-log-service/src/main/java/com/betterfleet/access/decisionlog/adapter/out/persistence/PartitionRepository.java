package com.betterfleet.access.decisionlog.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.decisionlog.application.port.PartitionStore;
import com.betterfleet.access.decisionlog.application.port.RetentionRefusedException;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Partition maintenance through the SQL functions of the V1 migration. */
@ApplicationScoped
public class PartitionRepository implements PartitionStore {
    private final Pool pool;

    public PartitionRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> ensureMonth(LocalDate firstOfMonth) {
        return pool.preparedQuery("SELECT decision_log_ensure_partition($1) AS outcome")
                .execute(Tuple.of(firstOfMonth))
                .map(rows -> "created".equals(rows.iterator().next().getString("outcome")));
    }

    @Override
    public Uni<List<String>> dropEndingBefore(Instant cutoff) {
        return pool.preparedQuery("SELECT decision_log_drop_expired_partitions($1) AS dropped")
                .execute(Tuple.of(AccessRecordRows.utc(cutoff)))
                .map(rows -> {
                    List<String> names = new ArrayList<>();
                    for (Row row : rows) {
                        names.add(row.getString("dropped"));
                    }
                    return names;
                })
                .onFailure(PartitionRepository::refused).transform(failure -> new RetentionRefusedException(
                        ((PgException) failure).getErrorMessage(), failure));
    }

    /**
     * insufficient_privilege: the function's minimum retention (V5) keeps the cutoff's months, or this
     * login may not run retention at all. Either way a retry cannot succeed until someone changes it.
     */
    private static boolean refused(Throwable failure) {
        return failure instanceof PgException pg && "42501".equals(pg.getSqlState());
    }

    @Override
    public Uni<List<LocalDate>> months() {
        return pool.query("SELECT month FROM decision_log_partitions() ORDER BY month").execute()
                .map(rows -> {
                    List<LocalDate> months = new ArrayList<>();
                    rows.forEach(row -> months.add(row.getLocalDate("month")));
                    return months;
                });
    }
}
