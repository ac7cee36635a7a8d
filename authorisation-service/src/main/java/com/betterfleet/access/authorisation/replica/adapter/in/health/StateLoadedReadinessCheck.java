package com.betterfleet.access.authorisation.replica.adapter.in.health;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.replica.application.StateReplicator;
import com.betterfleet.access.authorisation.shared.config.StateConfig;

/**
 * Not ready until identifiers and charger states are loaded into memory. Once loaded it stays ready
 * while replication is behind, and says so ({@code syncCurrent} false past
 * {@code access.state.max-sync-age}, metric {@code authorisation.state.sync.age}): every change
 * reaches the replicas through the database, so when the database is away no replica can be more
 * current than another, and taking all of them out of service would stop Authorize (which needs
 * only memory and the broker) for nothing. A single replica that falls behind while the others
 * read is what the metric's alert is for.
 */
@Readiness
@Singleton
public class StateLoadedReadinessCheck implements HealthCheck {
    private final ReplicaState state;
    private final StateReplicator replicator;
    private final long maxSyncAgeMillis;

    public StateLoadedReadinessCheck(ReplicaState state, StateReplicator replicator, StateConfig config) {
        this.state = state;
        this.replicator = replicator;
        this.maxSyncAgeMillis = config.maxSyncAge().toMillis();
    }

    @Override
    public HealthCheckResponse call() {
        long age = replicator.syncAgeMillis();
        boolean current = age >= 0 && age <= maxSyncAgeMillis;
        return HealthCheckResponse.named("authorisation-state")
                .status(state.loaded())
                .withData("syncCurrent", current)
                .withData("identifiers", state.identifierCount())
                .withData("chargers", state.chargerCount())
                .withData("lastSyncAgeMillis", age)
                .withData("maxSyncAgeMillis", maxSyncAgeMillis)
                .build();
    }
}
