package com.betterfleet.access.accesspolicy.policy.application;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.accesspolicy.capability.application.port.CapabilityStore;
import com.betterfleet.access.accesspolicy.policy.application.port.PolicyStore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Loads everything stored about a charger (policy, tombstone, capability). */
@ApplicationScoped
public class ChargerDirectory {
    private final PolicyStore policies;
    private final CapabilityStore capabilities;

    public ChargerDirectory(PolicyStore policies, CapabilityStore capabilities) {
        this.policies = policies;
        this.capabilities = capabilities;
    }

    public Uni<ChargerRecords> load(SqlClient client, String chargerId) {
        return policies.find(client, chargerId)
                .chain(policy -> policies.findTombstone(client, chargerId)
                        .chain(tombstone -> capabilities.find(client, chargerId)
                                .map(capability -> new ChargerRecords(policy, tombstone, capability))));
    }
}
