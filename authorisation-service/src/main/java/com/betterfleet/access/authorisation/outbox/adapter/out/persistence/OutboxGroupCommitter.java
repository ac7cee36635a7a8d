package com.betterfleet.access.authorisation.outbox.adapter.out.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.outbox.application.OutboxMessage;
import com.betterfleet.access.authorisation.outbox.application.OutboxRelay;
import com.betterfleet.access.authorisation.outbox.application.OutboxWriter;
import com.betterfleet.access.authorisation.shared.application.UnavailableException;
import com.betterfleet.access.authorisation.shared.config.OutboxConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;

/**
 * Group commit of decision records into {@code decision_outbox} (ADR 0003). Concurrent decisions
 * queue here; when no flush is running, everything queued (up to {@code max-batch}) is written by
 * ONE multi-row INSERT, which is one commit, and the next flush starts as soon as it returns: no
 * timer, so a lone request pays one commit and a busy replica pays one commit per batch. A second
 * concurrent flush (up to {@code access.outbox.max-in-flight}) starts only when a quarter of a
 * batch is already waiting, so a slow commit does not hold a large queue back, while a light load
 * is not split into many one-row commits. Each request completes only after its batch committed;
 * a failed or timed-out commit fails the whole batch (503: fail closed, never an unrecorded answer).
 *
 * <p>A batch answered 503 must not become durable later, or the relay would publish decisions no
 * charger received. So the INSERT runs in a transaction whose {@code statement_timeout} ends
 * {@link #SERVER_MARGIN_DIVISOR a quarter of commit-timeout} before the client's own deadline: in a
 * database stall the server cancels the statement (and frees its connection) before the client
 * gives up, so a stall does not leave one INSERT behind per timeout. COMMIT is sent only if the
 * client has not given up meanwhile; an INSERT whose answer comes after the client timer is rolled
 * back. What remains: a COMMIT that was sent in time but whose confirmation arrives after the
 * client timer (the commit record's flush stalls): answered 503, yet durable.
 */
@Singleton
public class OutboxGroupCommitter implements OutboxWriter {
    private static final Logger LOG = Logger.getLogger(OutboxGroupCommitter.class);
    private static final String INSERT = "INSERT INTO decision_outbox (decision_id, payload) "
            + "SELECT * FROM unnest($1::uuid[], $2::text[])";
    /** statement_timeout for the rest of the transaction only (is_local = true). */
    private static final String SERVER_DEADLINE = "SELECT set_config('statement_timeout', $1, true)";
    /** The server's deadline is this fraction of commit-timeout ahead of the client's. */
    static final int SERVER_MARGIN_DIVISOR = 4;
    private static final UnavailableException NOT_RECORDED = new UnavailableException("decision-not-recorded",
            "Decision not recorded", "The decision could not be recorded durably, so it is not answered; retry.");
    private static final UnavailableException OVERLOADED = new UnavailableException("overloaded", "Overloaded",
            "Too many decisions are waiting to be recorded; retry shortly.");

    private record Pending(UUID decisionId, String payload, Runnable onDurable, Consumer<Throwable> onFailure,
            Context context) {
    }

    private final io.vertx.sqlclient.Pool pool;
    private final Vertx vertx;
    private final OutboxRelay relay;
    private final int maxBatch;
    private final int maxInFlight;
    private final int maxQueued;
    private final long commitTimeoutMillis;
    private final long serverMarginMillis;
    private final int extraFlushThreshold;

    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;

    private final DistributionSummary batchSize;
    private final Timer commitTimer;
    private final Counter failedCommits;

    public OutboxGroupCommitter(Pool pool, Vertx vertx, OutboxRelay relay,
            OutboxConfig config, MeterRegistry registry) {
        // The plain Vert.x API on this path: no reactive-stream stages (and their context capture) per batch.
        this.pool = pool.getDelegate();
        this.vertx = vertx;
        this.relay = relay;
        this.maxBatch = config.maxBatch();
        this.maxInFlight = config.maxInFlight();
        this.maxQueued = config.maxQueued();
        this.commitTimeoutMillis = config.commitTimeout().toMillis();
        this.serverMarginMillis = Math.max(1, commitTimeoutMillis / SERVER_MARGIN_DIVISOR);
        this.extraFlushThreshold = Math.max(2, maxBatch / 4);
        this.batchSize = DistributionSummary.builder("authorisation.outbox.group.commit.batch.size")
                .description("Decisions written per group commit").register(registry);
        this.commitTimer = Timer.builder("authorisation.outbox.group.commit.duration")
                .description("Duration of one group-commit INSERT").register(registry);
        this.failedCommits = Counter.builder("authorisation.outbox.group.commit.failures")
                .description("Group commits that failed or timed out (their requests got 503)").register(registry);
        Gauge.builder("authorisation.outbox.group.commit.queued", this, OutboxGroupCommitter::queued)
                .description("Decisions waiting for a group commit").register(registry);
    }

    @Override
    public void write(OutboxMessage message, Context context, Runnable onDurable, Consumer<Throwable> onFailure) {
        enqueue(new Pending(message.decisionId(), message.payload(), onDurable, onFailure, context));
    }

    private int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    private void enqueue(Pending pending) {
        List<Pending> batch = null;
        synchronized (lock) {
            if (queue.size() >= maxQueued) {
                batch = List.of();
            } else {
                queue.add(pending);
                if (mayStartFlushLocked()) {
                    inFlight++;
                    batch = drainLocked();
                }
            }
        }
        if (batch == null) {
            return;
        }
        if (batch.isEmpty()) {
            signal(pending, OVERLOADED);
            return;
        }
        flush(batch);
    }

    private boolean mayStartFlushLocked() {
        return inFlight == 0 || (inFlight < maxInFlight && queue.size() >= extraFlushThreshold);
    }

    private List<Pending> drainLocked() {
        int n = Math.min(queue.size(), maxBatch);
        List<Pending> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            batch.add(queue.poll());
        }
        return batch;
    }

    private void flush(List<Pending> batch) {
        int n = batch.size();
        UUID[] ids = new UUID[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = batch.get(i).decisionId();
            payloads[i] = batch.get(i).payload();
        }
        long started = System.nanoTime();
        AtomicBoolean settled = new AtomicBoolean();
        // The last resort: answers 503 even if the database never replies (the server's deadline comes first).
        long timer = vertx.setTimer(commitTimeoutMillis, id -> {
            if (settled.compareAndSet(false, true)) {
                failed(batch, "no commit confirmation within " + commitTimeoutMillis + " ms");
            }
        });
        pool.getConnection().onComplete(acquired -> {
            if (acquired.failed()) {
                settle(settled, timer, batch, started, acquired.cause());
                return;
            }
            SqlConnection connection = acquired.result();
            long serverDeadline = commitTimeoutMillis - serverMarginMillis - elapsedMillis(started);
            if (settled.get() || serverDeadline < 1) {
                connection.close();
                settle(settled, timer, batch, started, new TimeoutException("no time left to write within the commit timeout"));
                return;
            }
            write(connection, ids, payloads, serverDeadline, settled).onComplete(written -> {
                connection.close(); // rolls back a transaction left open (a failed or abandoned write)
                settle(settled, timer, batch, started, written.failed() ? written.cause() : null);
            });
        });
    }

    /**
     * BEGIN, the server-side deadline and the INSERT go out together (pipelined on the connection,
     * all inside the transaction); COMMIT only once the INSERT succeeded and the client is still
     * waiting. On failure the transaction is left open for {@code close()} to roll back.
     */
    private static Future<Void> write(SqlConnection connection, UUID[] ids, String[] payloads, long serverDeadlineMillis,
            AtomicBoolean settled) {
        Future<Transaction> begin = connection.begin();
        Future<RowSet<Row>> deadline = connection.preparedQuery(SERVER_DEADLINE).execute(Tuple.of(serverDeadlineMillis + "ms"));
        Future<RowSet<Row>> insert = connection.preparedQuery(INSERT)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(payloads));
        return begin.compose(tx -> deadline.compose(set -> insert).compose(inserted -> settled.get()
                ? Future.failedFuture(new TimeoutException("the INSERT returned after the commit timeout; rolled back"))
                : tx.commit()));
    }

    private void settle(AtomicBoolean settled, long timer, List<Pending> batch, long started, Throwable failure) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        vertx.cancelTimer(timer);
        if (failure != null) {
            failed(batch, brief(failure));
            return;
        }
        commitTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchSize.record(batch.size());
        for (Pending pending : batch) {
            signal(pending, null);
        }
        flushDone();
        relay.nudge();
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static String brief(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return failure.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) + "..." : message);
    }

    private void failed(List<Pending> batch, String reason) {
        failedCommits.increment();
        LOG.warnf("group commit of %d decisions failed; answering 503: %s", batch.size(), reason);
        for (Pending pending : batch) {
            signal(pending, NOT_RECORDED);
        }
        flushDone();
    }

    private void flushDone() {
        List<Pending> next = null;
        synchronized (lock) {
            inFlight--;
            if (!queue.isEmpty() && mayStartFlushLocked()) {
                inFlight++;
                next = drainLocked();
            }
        }
        if (next != null) {
            flush(next);
        }
    }

    /** Completes the request on its own event loop (spreads response work over the loops). */
    private static void signal(Pending pending, Throwable failure) {
        Context context = pending.context();
        if (context == null) {
            complete(pending, failure);
        } else {
            context.runOnContext(ignored -> complete(pending, failure));
        }
    }

    private static void complete(Pending pending, Throwable failure) {
        if (failure == null) {
            pending.onDurable().run();
        } else {
            pending.onFailure().accept(failure);
        }
    }
}
