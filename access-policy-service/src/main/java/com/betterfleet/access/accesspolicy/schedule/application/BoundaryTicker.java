package com.betterfleet.access.accesspolicy.schedule.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.betterfleet.access.accesspolicy.outbox.application.CloudEventWriter;
import com.betterfleet.access.accesspolicy.outbox.application.OutboxEvent;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxNudge;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxStore;
import com.betterfleet.access.accesspolicy.schedule.application.port.ScheduleStateStore;
import com.betterfleet.access.accesspolicy.schedule.domain.ExpectedMode;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleEngine;
import com.betterfleet.access.accesspolicy.shared.application.Transactions;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Publishes {@code expected_mode_changed} at every boundary, once.
 *
 * <p>A tick first probes the boundary index; if nothing is due it is done (the cost does not grow
 * with the number of chargers). Otherwise each batch is one transaction: lock the due
 * schedule_state rows ({@code FOR UPDATE SKIP LOCKED}, so replicas split the work and never take
 * the same charger), evaluate each charger's policy at the current instant, and for those whose
 * (mode, source, window) differs from the stored one append the event to the outbox; store every
 * charger's new state and next boundary; commit. A replica that dies mid-batch rolls back and the
 * rows are due again for the others. After downtime the current state is published once, with
 * {@code effectiveAt} the start of the current interval, never the missed history.
 *
 * <p>{@link #tick()} blocks its caller; it runs on the ticker's own thread.
 */
@ApplicationScoped
public class BoundaryTicker {
    private static final Logger LOG = Logger.getLogger(BoundaryTicker.class);
    /** A charger whose policy cannot be evaluated is looked at again after this long, not every tick. */
    private static final Duration RETRY_BROKEN = Duration.ofMinutes(1);

    private final Pool pool;
    private final ScheduleStateStore states;
    private final OutboxStore outbox;
    private final CloudEventWriter events;
    private final OutboxNudge nudge;
    private final Clock clock;
    private final AccessPolicyConfig.Ticker config;
    private final ModeTracker tracker;
    private final Timer busyTick;
    private final Counter published;

    public BoundaryTicker(Pool pool, ScheduleStateStore states, OutboxStore outbox, CloudEventWriter events,
            OutboxNudge nudge, Clock clock, AccessPolicyConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.states = states;
        this.outbox = outbox;
        this.events = events;
        this.nudge = nudge;
        this.clock = clock;
        this.config = config.ticker();
        this.tracker = new ModeTracker(this.config.recheckAfter());
        this.busyTick = Timer.builder("access_policy.ticker.batch")
                .description("Duration of a ticker transaction that found due boundaries").register(registry);
        this.published = Counter.builder("access_policy.ticker.mode_changes")
                .description("expected_mode_changed events the ticker wrote to the outbox").register(registry);
    }

    /** What one tick did. */
    public record TickResult(int due, int changed) {
        static final TickResult IDLE = new TickResult(0, 0);

        TickResult plus(TickResult other) {
            return new TickResult(due + other.due, changed + other.changed);
        }
    }

    /** One tick: nothing but an index probe when no boundary is due. */
    public TickResult tick() {
        Duration timeout = config.databaseTimeout();
        if (!states.anyDue(pool, now()).await().atMost(timeout)) {
            return TickResult.IDLE;
        }
        TickResult total = TickResult.IDLE;
        for (int batch = 0; batch < config.maxBatchesPerTick(); batch++) {
            TickResult result = busyTick.record(() -> Transactions.inTransaction(pool, timeout, this::batch));
            total = total.plus(result);
            if (result.changed() > 0) {
                nudge.nudge();
            }
            if (result.due() < config.batchSize()) {
                break;
            }
        }
        return total;
    }

    private TickResult batch(SqlConnection transaction) {
        Instant now = now();
        Duration timeout = config.databaseTimeout();
        long started = System.nanoTime();
        List<DueCharger> due = states.lockDue(transaction, now, config.batchSize()).await().atMost(timeout);
        if (due.isEmpty()) {
            return TickResult.IDLE;
        }
        long locked = System.nanoTime();
        Map<String, TrackedState> next = new LinkedHashMap<>();
        List<OutboxEvent> changes = new ArrayList<>();
        for (DueCharger charger : due) {
            evaluate(charger, now, next, changes);
        }
        long evaluated = System.nanoTime();
        states.saveAll(transaction, next).await().atMost(timeout);
        if (!changes.isEmpty()) {
            outbox.append(transaction, changes).await().atMost(timeout);
        }
        published.increment(changes.size());
        if (LOG.isDebugEnabled()) {
            LOG.debugf("tick batch: %d due, %d changed; lock+read %d ms, evaluate %d ms, write %d ms", due.size(),
                    changes.size(), (locked - started) / 1_000_000, (evaluated - locked) / 1_000_000,
                    (System.nanoTime() - evaluated) / 1_000_000);
        }
        return new TickResult(due.size(), changes.size());
    }

    private void evaluate(DueCharger due, Instant now, Map<String, TrackedState> next, List<OutboxEvent> changes) {
        String chargerId = due.charger().chargerId();
        TrackedState state = due.state();
        if (due.policy() == null) {
            next.put(chargerId, deferred(state, now));
            return;
        }
        try {
            ExpectedMode expected = ScheduleEngine.expectedModeAt(due.policy(), now);
            Instant effectiveAt = expected.since() != null ? expected.since()
                    : state.nextBoundaryAt() != null ? state.nextBoundaryAt() : now;
            ModeTracker.Step step = tracker.track(due.charger(), state, expected, now, effectiveAt);
            next.put(chargerId, step.next());
            step.change().ifPresent(change -> changes.add(events.write(CloudEventWriter.EXPECTED_MODE_CHANGED,
                    chargerId, due.charger().accountId(), now, change)));
        } catch (RuntimeException e) {
            LOG.errorf("cannot evaluate the policy of charger %s (%s); looking again in %s", chargerId,
                    e.getMessage(), RETRY_BROKEN);
            next.put(chargerId, deferred(state, now));
        }
    }

    private static TrackedState deferred(TrackedState state, Instant now) {
        return new TrackedState(state.mode(), state.source(), state.windowId(), state.policyVersion(), state.since(),
                now.plus(RETRY_BROKEN), state.modeUntil());
    }

    private Instant now() {
        return clock.instant();
    }
}
