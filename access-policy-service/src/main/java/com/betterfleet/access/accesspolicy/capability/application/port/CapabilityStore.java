package com.betterfleet.access.accesspolicy.capability.application.port;

import java.util.Optional;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The charger_capability table. */
public interface CapabilityStore {
    Uni<Optional<StoredCapability>> find(SqlClient client, String chargerId);

    Uni<Void> save(SqlConnection transaction, StoredCapability capability);
}
