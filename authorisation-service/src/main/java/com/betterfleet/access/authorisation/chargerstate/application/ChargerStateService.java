package com.betterfleet.access.authorisation.chargerstate.application;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerEvent;
import com.betterfleet.access.authorisation.replica.application.StateReplicator;

import io.smallrye.mutiny.Uni;

/**
 * Applies charger_access.* events to the persisted charger state, in policy-version order and
 * idempotently (the rules are in {@link com.betterfleet.access.authorisation.chargerstate.domain.ChargerState}).
 * Every replica picks the change up through its {@link StateReplicator}.
 */
@ApplicationScoped
public class ChargerStateService {
    private static final Logger LOG = Logger.getLogger(ChargerStateService.class);

    private final ChargerStateStore store;
    private final StateReplicator replicator;

    public ChargerStateService(ChargerStateStore store, StateReplicator replicator) {
        this.store = store;
        this.replicator = replicator;
    }

    /** @return whether the event changed the charger's state (false: stale or duplicate) */
    public Uni<Boolean> apply(ChargerEvent event) {
        return store.update(event.chargerId(), current -> current.apply(event)).invoke(changed -> {
            if (changed) {
                replicator.refresh().subscribe().with(ignored -> {
                }, failure -> {
                });
            } else {
                LOG.debugf("ignored stale or duplicate %s for charger %s", event.getClass().getSimpleName(), event.chargerId());
            }
        });
    }
}
