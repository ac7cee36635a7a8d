package com.betterfleet.access.accesspolicy.outbox.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.betterfleet.access.accesspolicy.outbox.application.port.EventSender;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxStore;
import com.betterfleet.access.accesspolicy.shared.application.Transactions;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Moves outbox rows to the broker. One relay leads at a time across replicas (a transaction-scoped
 * advisory lock), so each charger's events leave in commit order. A batch is sent in id order, the
 * relay waits until the broker has settled it, and deletes the longest prefix the broker accepted;
 * the rest stays and is sent again after a backoff (at-least-once: consumers deduplicate on the
 * event id). While the broker is down rows simply wait.
 *
 * <p>{@link #run()} blocks its caller; it runs on the relay's own thread.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);
    /** Batches one run may send back to back before it yields. */
    private static final int MAX_BATCHES_PER_RUN = 200;

    private final Pool pool;
    private final OutboxStore store;
    private final EventSender sender;
    private final Clock clock;
    private final AccessPolicyConfig.Outbox config;
    private final Duration dbTimeout;
    private final Counter sent;
    private final AtomicLong backlogRows = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    private Duration backoff;
    private Instant retryAt = Instant.MIN;
    private Instant backlogRefreshedAt = Instant.MIN;

    public OutboxRelay(Pool pool, OutboxStore store, EventSender sender, Clock clock, AccessPolicyConfig config,
            MeterRegistry registry) {
        this.pool = pool;
        this.store = store;
        this.sender = sender;
        this.clock = clock;
        this.config = config.outbox();
        this.dbTimeout = config.ticker().databaseTimeout();
        this.backoff = this.config.initialBackoff();
        this.sent = Counter.builder("access_policy.outbox.sent")
                .description("Events the broker accepted from the outbox").register(registry);
        Gauge.builder("access_policy.outbox.backlog", backlogRows, AtomicLong::get)
                .description("Outbox rows waiting for the broker").register(registry);
        Gauge.builder("access_policy.outbox.oldest.age.seconds", oldestAgeMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest outbox row waiting for the broker").register(registry);
    }

    /** What one run did. */
    public record RunResult(int sent, boolean failed) {
    }

    /** Sends what waits, unless a previous failure asked to wait longer. Never throws. */
    public synchronized RunResult run() {
        Instant now = clock.instant();
        if (now.isBefore(retryAt)) {
            return new RunResult(0, false);
        }
        int total = 0;
        try {
            if (!store.isEmpty(pool).await().atMost(dbTimeout)) {
                for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
                    BatchResult batch = Transactions.inTransaction(pool, dbTimeout, this::batch);
                    total += batch.sent();
                    if (batch.failed()) {
                        failed(null);
                        return new RunResult(total, true);
                    }
                    if (batch.selected() < config.batchSize()) {
                        break;
                    }
                }
            }
            backoff = config.initialBackoff();
            retryAt = Instant.MIN;
            return new RunResult(total, false);
        } catch (RuntimeException e) {
            failed(e);
            return new RunResult(total, true);
        } finally {
            refreshBacklog();
        }
    }

    private record BatchResult(int selected, int sent, boolean failed) {
    }

    private BatchResult batch(SqlConnection transaction) {
        if (!store.tryLead(transaction).await().atMost(dbTimeout)) {
            return new BatchResult(0, 0, false);
        }
        List<PendingEvent> rows = store.oldest(transaction, config.batchSize()).await().atMost(dbTimeout);
        if (rows.isEmpty()) {
            return new BatchResult(0, 0, false);
        }
        List<CompletableFuture<Void>> settlements = sender.send(rows);
        awaitSettlement(settlements);
        List<Long> accepted = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size() && isAccepted(settlements.get(i)); i++) {
            accepted.add(rows.get(i).id());
        }
        if (!accepted.isEmpty()) {
            store.delete(transaction, accepted).await().atMost(dbTimeout);
            sent.increment(accepted.size());
        }
        boolean failed = accepted.size() < rows.size();
        if (failed) {
            sender.reset();
        }
        return new BatchResult(rows.size(), accepted.size(), failed);
    }

    private void awaitSettlement(List<CompletableFuture<Void>> settlements) {
        try {
            CompletableFuture.allOf(settlements.toArray(CompletableFuture[]::new))
                    .get(config.settleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Looked at one by one below: what settled is deleted, the rest is retried.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isAccepted(CompletableFuture<Void> settlement) {
        return settlement.isDone() && !settlement.isCompletedExceptionally();
    }

    private void failed(RuntimeException cause) {
        retryAt = clock.instant().plus(backoff);
        if (cause != null) {
            LOG.warnf("outbox relay failed (%s); retrying in %s", cause.getMessage(), backoff);
        } else {
            LOG.warnf("the broker did not settle every event; retrying in %s", backoff);
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    private void refreshBacklog() {
        Instant now = clock.instant();
        if (now.isBefore(backlogRefreshedAt.plus(BACKLOG_REFRESH))) {
            return;
        }
        backlogRefreshedAt = now;
        try {
            OutboxStore.Backlog backlog = store.backlog(pool).await().atMost(dbTimeout);
            backlogRows.set(backlog.rows());
            oldestAgeMillis.set(backlog.oldestCreatedAt().map(t -> Duration.between(t, now).toMillis()).orElse(0L));
        } catch (RuntimeException e) {
            LOG.debugf("outbox backlog not measured: %s", e.getMessage());
        }
    }
}
