package com.betterfleet.access.authorisation.replica.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.shared.config.StateConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;

/**
 * Keeps {@link ReplicaState} current on this replica: reads every identifier and charger row whose
 * {@code change_seq} is above the last one applied, in order, every
 * {@code access.state.poll-interval} and whenever a local write asks for it. The first complete
 * pass is the initial load; readiness stays DOWN and Authorize answers 503 until it is done.
 *
 * <p>Identifiers and charger states are read independently: a failure reading one does not hold
 * the other back. A row this version cannot read (a value only a newer version knows) is skipped,
 * counted ({@code authorisation.state.unreadable.rows{kind}}) and logged by {@code change_seq}, and
 * the cursor moves past it; what this replica held under that key is dropped, so no decision rests
 * on a row the database has superseded (an identifier becomes unknown, a charger one never heard
 * of: both fail closed). Readiness tracks how long ago both were last read completely
 * ({@link #syncAgeMillis()}).
 *
 * <p>Passes never overlap: a request arriving during a pass is served by the next pass, which
 * starts as soon as the current one ends (so {@link #refresh()} always sees changes committed
 * before it was called).
 */
@Singleton
public class StateReplicator {
    private static final Logger LOG = Logger.getLogger(StateReplicator.class);

    private final ReplicaState state;
    private final StateChangeSource source;
    private final int pageSize;
    private final Vertx vertx;
    private final Clock clock;
    private final long pollIntervalMillis;
    private final Counter unreadableIdentifiers;
    private final Counter unreadableChargers;
    private long timerId = -1;

    private final Object lock = new Object();
    private boolean running;
    private List<UniEmitter<? super Void>> waiting = new ArrayList<>();

    // Only touched by the single running pass.
    private long identifierSeq;
    private long chargerSeq;
    private boolean failing;
    // When the last pass that read each kind up to its end started (0: none yet).
    private volatile long identifiersSyncedMillis;
    private volatile long chargersSyncedMillis;

    public StateReplicator(ReplicaState state, StateChangeSource source, StateConfig config, Vertx vertx, Clock clock,
            MeterRegistry registry) {
        this.state = state;
        this.source = source;
        this.pageSize = config.pageSize();
        this.vertx = vertx;
        this.clock = clock;
        this.pollIntervalMillis = Math.max(50, config.pollInterval().toMillis());
        this.unreadableIdentifiers = unreadableRows(registry, "identifier");
        this.unreadableChargers = unreadableRows(registry, "charger");
        // Alert on this, not on readiness: readiness stays UP while replication is behind (StateLoadedReadinessCheck).
        Gauge.builder("authorisation.state.sync.age", this, r -> r.syncAgeMillis() < 0 ? Double.NaN : r.syncAgeMillis() / 1000.0)
                .baseUnit("seconds")
                .description("Age of the older of the last complete reads of identifiers and of charger states")
                .register(registry);
    }

    private static Counter unreadableRows(MeterRegistry registry, String kind) {
        return Counter.builder("authorisation.state.unreadable.rows")
                .description("Replicated rows this version cannot read, skipped").tag("kind", kind).register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refreshInBackground();
        // A Vert.x timer rather than @Scheduled: the scheduler does not run jobs more often than every second.
        timerId = vertx.setPeriodic(pollIntervalMillis, id -> refreshInBackground());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Completes once a pass that started after this call has applied all committed changes. */
    public Uni<Void> refresh() {
        return Uni.createFrom().emitter(emitter -> {
            boolean start;
            synchronized (lock) {
                waiting.add(emitter);
                start = !running;
                running = true;
            }
            if (start) {
                runPass();
            }
        });
    }

    /**
     * Milliseconds since the older of the last complete reads of identifiers and of charger states
     * began (-1: not both read yet). What this replica decides from is at least this current.
     */
    public long syncAgeMillis() {
        long synced = Math.min(identifiersSyncedMillis, chargersSyncedMillis);
        return synced == 0 ? -1 : Math.max(0, clock.millis() - synced);
    }

    private void refreshInBackground() {
        refresh().subscribe().with(ignored -> {
        }, failure -> {
        });
    }

    private void runPass() {
        List<UniEmitter<? super Void>> served;
        synchronized (lock) {
            served = waiting;
            waiting = new ArrayList<>();
        }
        long started = clock.millis();
        outcome(pollIdentifiers().invoke(() -> identifiersSyncedMillis = started))
                .chain(identifierFailure -> outcome(pollChargers().invoke(() -> chargersSyncedMillis = started))
                        .map(chargerFailure -> identifierFailure != null ? identifierFailure : chargerFailure))
                .subscribe().with(failure -> passDone(served, failure));
    }

    /** One kind's catch-up with its failure as the item (null: caught up), so the other kind runs regardless. */
    private static Uni<Throwable> outcome(Uni<Void> poll) {
        return poll.onItem().transform(ignored -> (Throwable) null).onFailure().recoverWithItem(failure -> failure);
    }

    private void passDone(List<UniEmitter<? super Void>> served, Throwable failure) {
        if (!state.loaded() && identifiersSyncedMillis != 0 && chargersSyncedMillis != 0) {
            state.markLoaded();
            LOG.infof("initial state loaded: %d identifiers, %d chargers", state.identifierCount(), state.chargerCount());
        }
        if (failure == null) {
            if (failing) {
                LOG.info("state replication recovered");
                failing = false;
            }
        } else if (!failing) {
            failing = true;
            LOG.warnf("state replication pass failed (will retry): %s", failure.toString());
        }
        for (UniEmitter<? super Void> emitter : served) {
            if (failure == null) {
                emitter.complete(null);
            } else {
                emitter.fail(failure);
            }
        }
        boolean again;
        synchronized (lock) {
            again = !waiting.isEmpty();
            running = again;
        }
        if (again) {
            runPass();
        }
    }

    private Uni<Void> pollIdentifiers() {
        return source.identifierChangesAfter(identifierSeq, pageSize).chain(changes -> {
            for (StateChangeSource.IdentifierChange change : changes) {
                if (change.unreadable()) {
                    unreadableIdentifiers.increment();
                    LOG.warnf("skipped identifier row change_seq %d: this version cannot read it; "
                            + "the identifier is unknown on this replica until a readable change", change.changeSeq());
                    state.removeIdentifier(change.accountId(), change.idHash());
                } else if (change.entry() == null) {
                    state.removeIdentifier(change.accountId(), change.idHash());
                } else {
                    state.putIdentifier(change.entry());
                }
                identifierSeq = change.changeSeq();
            }
            return changes.size() == pageSize ? pollIdentifiers() : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> pollChargers() {
        return source.chargerChangesAfter(chargerSeq, pageSize).chain(changes -> {
            for (StateChangeSource.ChargerChange change : changes) {
                if (change.unreadable()) {
                    unreadableChargers.increment();
                    LOG.warnf("skipped charger_state row change_seq %d: this version cannot read it; "
                            + "the charger is unknown on this replica until a readable change", change.changeSeq());
                    state.removeCharger(change.chargerId());
                } else {
                    state.putCharger(change.state());
                }
                chargerSeq = change.changeSeq();
            }
            return changes.size() == pageSize ? pollChargers() : Uni.createFrom().voidItem();
        });
    }
}
