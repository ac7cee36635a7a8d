package com.betterfleet.access.accesspolicy.shared.adapter.out.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.accesspolicy.shared.application.port.ChargerLocks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Transaction-scoped PostgreSQL advisory locks keyed by a 64-bit hash of the charger id (the
 * one-bigint key space; the outbox relay uses the two-int space, so they never meet). A hash
 * collision only makes two chargers wait for each other.
 */
@ApplicationScoped
public class PgChargerLocks implements ChargerLocks {
    @Override
    public Uni<Void> lock(SqlConnection transaction, String chargerId) {
        return transaction.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(chargerId))
                .replaceWithVoid();
    }
}
