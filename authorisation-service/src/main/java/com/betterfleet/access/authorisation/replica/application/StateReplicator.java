package com.betterfleet.access.authorisation.replica.application;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.shared.config.StateConfig;

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
    private final long pollIntervalMillis;
    private long timerId = -1;

    private final Object lock = new Object();
    private boolean running;
    private List<UniEmitter<? super Void>> waiting = new ArrayList<>();

    // Only touched by the single running pass.
    private long identifierSeq;
    private long chargerSeq;
    private volatile long lastSuccessMillis;
    private boolean failing;

    public StateReplicator(ReplicaState state, StateChangeSource source, StateConfig config, Vertx vertx) {
        this.state = state;
        this.source = source;
        this.pageSize = config.pageSize();
        this.vertx = vertx;
        this.pollIntervalMillis = Math.max(50, config.pollInterval().toMillis());
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

    /** Milliseconds since epoch of the last successful pass (0: none yet). */
    public long lastSuccessMillis() {
        return lastSuccessMillis;
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
        pollIdentifiers().chain(this::pollChargers)
                .subscribe().with(ignored -> passDone(served, null), failure -> passDone(served, failure));
    }

    private void passDone(List<UniEmitter<? super Void>> served, Throwable failure) {
        if (failure == null) {
            lastSuccessMillis = System.currentTimeMillis();
            if (!state.loaded()) {
                state.markLoaded();
                LOG.infof("initial state loaded: %d identifiers, %d chargers", state.identifierCount(), state.chargerCount());
            }
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
                if (change.entry() == null) {
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
                state.putCharger(change.state());
                chargerSeq = change.changeSeq();
            }
            return changes.size() == pageSize ? pollChargers() : Uni.createFrom().voidItem();
        });
    }
}
