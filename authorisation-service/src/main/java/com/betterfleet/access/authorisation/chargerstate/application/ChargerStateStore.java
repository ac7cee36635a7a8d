package com.betterfleet.access.authorisation.chargerstate.application;

import java.util.Optional;
import java.util.function.Function;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;

import io.smallrye.mutiny.Uni;

/** Port: the persisted charger states. */
public interface ChargerStateStore {
    /**
     * In one state-changing transaction: reads the charger's state (or
     * {@link ChargerState#unknown}) and stores what {@code change} makes of it, if anything.
     *
     * @return whether a new state was stored
     */
    Uni<Boolean> update(String chargerId, Function<ChargerState, Optional<ChargerState>> change);
}
