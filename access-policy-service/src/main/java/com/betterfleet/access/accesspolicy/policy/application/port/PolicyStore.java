package com.betterfleet.access.accesspolicy.policy.application.port;

import java.util.List;
import java.util.Optional;

import com.betterfleet.access.accesspolicy.policy.application.ChargerPolicy;
import com.betterfleet.access.accesspolicy.policy.application.ChargerSummary;
import com.betterfleet.access.accesspolicy.policy.application.ListQuery;
import com.betterfleet.access.accesspolicy.policy.application.Tombstone;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The access_policy and access_policy_tombstone tables. */
public interface PolicyStore {
    Uni<Optional<ChargerPolicy>> find(SqlClient client, String chargerId);

    Uni<Optional<Tombstone>> findTombstone(SqlClient client, String chargerId);

    /** Inserts or replaces the policy, and forgets a tombstone of the charger. */
    Uni<Void> save(SqlConnection transaction, ChargerPolicy policy);

    /** Deletes the policy (and, by cascade, its schedule state) and leaves the tombstone. */
    Uni<Void> delete(SqlConnection transaction, Tombstone tombstone);

    /** One page of the account's chargers, by charger id. */
    Uni<List<ChargerSummary>> list(SqlClient client, ListQuery query);
}
