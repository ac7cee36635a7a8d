package com.betterfleet.access.authorisation.outbox.application;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.shared.config.OutboxConfig;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;

/**
 * Moves decisions from the outbox to {@code charger-access.decisions}. Runs on a schedule and is
 * nudged after every group commit; passes never overlap on one replica, and replicas skip each
 * other's locked rows. A nudge starts a pass at once unless the previous pass ended less than
 * {@code access.outbox.relay-linger} ago; then the pass starts when the linger is over, so under
 * load one pass carries many decisions instead of one transaction per commit. A pass that cannot send everything (broker down, send timeout) keeps the
 * rows and backs off exponentially ({@code access.outbox.min-backoff} to {@code max-backoff});
 * Authorize is unaffected meanwhile. The backlog is exposed as {@code authorisation.outbox.backlog}.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long BACKLOG_CAP = 10_000_000L;

    private final OutboxStore store;
    private final DecisionPublisher publisher;
    private final int batch;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final long lingerNanos;
    private final Vertx vertx;

    private final DistributionSummary passSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private volatile long notBeforeNanos;
    private volatile long lastPassEndNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
    private final AtomicBoolean lingering = new AtomicBoolean();
    private Duration backoff;
    private boolean failing;
    /** Set when shutdown begins: a pass cut short by our own closing broker link is no incident. */
    private volatile boolean shuttingDown;

    public OutboxRelay(OutboxStore store, DecisionPublisher publisher, OutboxConfig config, MeterRegistry registry,
            Vertx vertx) {
        this.store = store;
        this.vertx = vertx;
        this.lingerNanos = config.relayLinger().toNanos();
        this.publisher = publisher;
        this.batch = config.relayBatch();
        this.minBackoff = config.minBackoff();
        this.maxBackoff = config.maxBackoff();
        this.backoff = minBackoff;
        this.passSize = DistributionSummary.builder("authorisation.outbox.relay.batch.size")
                .description("Decisions sent to the broker per relay pass").register(registry);
        Gauge.builder("authorisation.outbox.backlog", backlog, AtomicLong::get)
                .description("Decision records waiting in the outbox to be sent to the broker")
                .register(registry);
    }

    /** Asks for a pass soon; cheap and safe to call from the event loop. */
    public void nudge() {
        requested.set(true);
        long now = System.nanoTime();
        if (now - notBeforeNanos < 0) {
            return;
        }
        long lingerLeft = lastPassEndNanos + lingerNanos - now;
        if (lingerLeft > 0) {
            if (lingering.compareAndSet(false, true)) {
                vertx.setTimer(Math.max(1, lingerLeft / 1_000_000), id -> {
                    lingering.set(false);
                    nudge();
                });
            }
            return;
        }
        if (running.compareAndSet(false, true)) {
            runPass();
        }
    }

    @Scheduled(every = "${access.outbox.relay-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-relay")
    void tick() {
        nudge();
        store.backlog(BACKLOG_CAP).subscribe().with(backlog::set, failure -> {
        });
    }

    /** Rows waiting at the last count (refreshed every relay interval). */
    public long backlog() {
        return backlog.get();
    }

    private void runPass() {
        requested.set(false);
        store.relay(batch, publisher::publish).subscribe().with(this::passDone, failure -> passFailed(failure.toString()));
    }

    private void passDone(OutboxStore.RelayPass pass) {
        if (pass.sent() < pass.locked()) {
            passFailed((pass.locked() - pass.sent()) + " of " + pass.locked() + " decisions not settled by the broker");
            return;
        }
        if (pass.sent() > 0) {
            passSize.record(pass.sent());
        }
        if (failing) {
            LOG.info("decision relay recovered: the broker accepts decisions again");
            failing = false;
        }
        backoff = minBackoff;
        if (pass.locked() == batch) {
            runPass();
            return;
        }
        release();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    private void passFailed(String reason) {
        if (shuttingDown) {
            LOG.debugf("decision relay pass ended by shutdown: %s; its decisions stay in the outbox", reason);
        } else if (!failing) {
            LOG.warnf("decision relay: %s; decisions stay in the outbox, retrying with backoff", reason);
            failing = true;
        }
        notBeforeNanos = System.nanoTime() + backoff.toNanos();
        lastPassEndNanos = System.nanoTime();
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        running.set(false);
    }

    private void release() {
        lastPassEndNanos = System.nanoTime();
        running.set(false);
        if (requested.get()) {
            nudge();
        }
    }
}
