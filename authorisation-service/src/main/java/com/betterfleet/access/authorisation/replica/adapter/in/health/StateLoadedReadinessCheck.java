package com.betterfleet.access.authorisation.replica.adapter.in.health;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.replica.application.StateReplicator;

/** Not ready until identifiers and charger states are loaded into memory. */
@Readiness
@Singleton
public class StateLoadedReadinessCheck implements HealthCheck {
    private final ReplicaState state;
    private final StateReplicator replicator;

    public StateLoadedReadinessCheck(ReplicaState state, StateReplicator replicator) {
        this.state = state;
        this.replicator = replicator;
    }

    @Override
    public HealthCheckResponse call() {
        long last = replicator.lastSuccessMillis();
        return HealthCheckResponse.named("authorisation-state")
                .status(state.loaded())
                .withData("identifiers", state.identifierCount())
                .withData("chargers", state.chargerCount())
                .withData("lastSyncAgeMillis", last == 0 ? -1 : System.currentTimeMillis() - last)
                .build();
    }
}
