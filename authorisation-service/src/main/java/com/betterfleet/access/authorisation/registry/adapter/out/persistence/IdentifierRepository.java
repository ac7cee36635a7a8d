package com.betterfleet.access.authorisation.registry.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierCommand;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
import com.betterfleet.access.authorisation.identifier.domain.RegistryBatch;
import com.betterfleet.access.authorisation.registry.application.IdentifierStore;
import com.betterfleet.access.authorisation.registry.application.IdentifierView;
import com.betterfleet.access.authorisation.registry.application.ItemStatus;
import com.betterfleet.access.authorisation.shared.adapter.out.persistence.StateChangeLock;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code identifier}: hash, mask and metadata only. Writes run under the state-change lock; every
 * change a replica must see is stamped with a new {@code change_seq}. Deleted identifiers stay as
 * tombstones, which also keep the {@code changed_at} that orders late items
 * ({@link RegistryBatch}).
 */
@Singleton
public class IdentifierRepository implements IdentifierStore {
    private static final String STORED_KEYS = "SELECT account_id, id_hash, id_token_type, deleted, changed_at FROM identifier "
            + "WHERE (account_id, id_hash) IN (SELECT * FROM unnest($1::text[], $2::text[]))";
    // Read under the lock, so batches get increasing times in commit order: last-writer-wins for items without changedAt.
    private static final String APPLIED_AT = "SELECT clock_timestamp() AS applied_at";
    private static final String UPSERT = "INSERT INTO identifier (account_id, id_hash, id_mask, id_token_type, access_class, "
            + "vehicle_id, agreement_id, status, valid_from, valid_until, deleted, changed_at, updated_at, change_seq) "
            + "SELECT a, h, m, t, c, v, g, s, vf, vu, false, ca, now(), nextval('state_change_seq') FROM unnest("
            + "$1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
            + "$9::timestamptz[], $10::timestamptz[], $11::timestamptz[]) AS u(a, h, m, t, c, v, g, s, vf, vu, ca) "
            + "ON CONFLICT (account_id, id_hash) DO UPDATE SET id_mask = EXCLUDED.id_mask, "
            + "id_token_type = EXCLUDED.id_token_type, access_class = EXCLUDED.access_class, "
            + "vehicle_id = EXCLUDED.vehicle_id, agreement_id = EXCLUDED.agreement_id, status = EXCLUDED.status, "
            + "valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until, deleted = false, "
            + "changed_at = EXCLUDED.changed_at, updated_at = EXCLUDED.updated_at, change_seq = EXCLUDED.change_seq";
    private static final String TOMBSTONE = "UPDATE identifier AS i SET deleted = true, changed_at = u.ca, updated_at = now(), "
            + "change_seq = nextval('state_change_seq') FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u(a, h, ca) "
            + "WHERE i.account_id = u.a AND i.id_hash = u.h AND NOT i.deleted";
    private static final String NEW_TOMBSTONE = "INSERT INTO identifier (account_id, id_hash, id_mask, id_token_type, deleted, "
            + "changed_at, updated_at, change_seq) SELECT a, h, m, t, true, ca, now(), nextval('state_change_seq') FROM unnest("
            + "$1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS u(a, h, m, t, ca)";
    // No new change_seq: no replica holds anything of a tombstone but its absence, which does not change.
    private static final String RAISE_TOMBSTONE = "UPDATE identifier AS i SET changed_at = u.ca, updated_at = now() "
            + "FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u(a, h, ca) "
            + "WHERE i.account_id = u.a AND i.id_hash = u.h AND i.deleted";
    private static final String PAGE = "SELECT account_id, id_hash, id_mask, id_token_type, access_class, vehicle_id, "
            + "agreement_id, status, valid_from, valid_until, updated_at, changed_at FROM identifier WHERE NOT deleted "
            + "AND ($1::text IS NULL OR account_id = $1) AND ($2::text IS NULL OR access_class = $2) "
            + "AND (account_id, id_hash) > ($3, $4) ORDER BY account_id, id_hash LIMIT $5";

    // Oldest first, a bounded batch: one run never holds the state-change lock for long. The outer
    // conditions repeat the inner ones, so a row revived meanwhile is never deleted, lock or not.
    private static final String PURGE_TOMBSTONES = "DELETE FROM identifier WHERE deleted AND updated_at < $1 "
            + "AND (account_id, id_hash) IN (SELECT account_id, id_hash FROM identifier "
            + "WHERE deleted AND updated_at < $1 ORDER BY updated_at LIMIT $2)";

    private final Pool pool;

    public IdentifierRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<ItemStatus>> apply(List<IdentifierCommand> commands) {
        return pool.withTransaction(connection -> StateChangeLock.acquire(connection)
                .chain(() -> storedKeys(connection, commands))
                .chain(stored -> appliedAt(connection)
                        .chain(appliedAt -> write(connection, RegistryBatch.play(commands, stored, appliedAt)))));
    }

    /** What is stored (live or tombstone) under every hash the commands may touch. */
    private Uni<Map<RegistryBatch.Key, RegistryBatch.Stored>> storedKeys(SqlConnection connection,
            List<IdentifierCommand> commands) {
        List<String> accounts = new ArrayList<>(commands.size());
        List<String> hashes = new ArrayList<>(commands.size());
        for (IdentifierCommand command : commands) {
            List<String> candidates = command instanceof IdentifierCommand.Delete delete
                    ? delete.candidateHashes()
                    : List.of(command.identifier().idHash());
            for (String hash : candidates) {
                accounts.add(command.accountId());
                hashes.add(hash);
            }
        }
        return connection.preparedQuery(STORED_KEYS)
                .execute(Tuple.of(accounts.toArray(String[]::new), hashes.toArray(String[]::new)))
                .map(rows -> {
                    Map<RegistryBatch.Key, RegistryBatch.Stored> stored = new HashMap<>();
                    for (Row row : rows) {
                        boolean live = !row.getBoolean("deleted");
                        // null: a tombstone, or a type this version does not know (found by exact hash only)
                        IdTokenType type = live ? IdTokenType.fromWire(row.getString("id_token_type")).orElse(null) : null;
                        stored.put(new RegistryBatch.Key(row.getString("account_id"), row.getString("id_hash")),
                                new RegistryBatch.Stored(live, type, IdentifierRows.instant(row, "changed_at")));
                    }
                    return stored;
                });
    }

    private static Uni<Instant> appliedAt(SqlConnection connection) {
        return connection.preparedQuery(APPLIED_AT).execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime("applied_at").toInstant());
    }

    /** Writes the last state of every key the batch changed; stale items wrote nothing. */
    private Uni<List<ItemStatus>> write(SqlConnection connection, RegistryBatch.Result result) {
        Map<RegistryBatch.WriteKind, List<RegistryBatch.Write>> byKind = new EnumMap<>(RegistryBatch.WriteKind.class);
        for (RegistryBatch.Write write : result.writes()) {
            byKind.computeIfAbsent(write.kind(), k -> new ArrayList<>()).add(write);
        }
        List<ItemStatus> statuses = result.outcomes().stream().map(IdentifierRepository::status).toList();
        return upsert(connection, byKind.getOrDefault(RegistryBatch.WriteKind.PUT, List.of()))
                .chain(() -> keyed(connection, TOMBSTONE, byKind.getOrDefault(RegistryBatch.WriteKind.TOMBSTONE, List.of())))
                .chain(() -> newTombstones(connection, byKind.getOrDefault(RegistryBatch.WriteKind.NEW_TOMBSTONE, List.of())))
                .chain(() -> keyed(connection, RAISE_TOMBSTONE,
                        byKind.getOrDefault(RegistryBatch.WriteKind.RAISE_TOMBSTONE, List.of())))
                .replaceWith(statuses);
    }

    private static ItemStatus status(RegistryBatch.Outcome outcome) {
        return switch (outcome) {
            case CREATED -> ItemStatus.CREATED;
            case UPDATED -> ItemStatus.UPDATED;
            case DELETED -> ItemStatus.DELETED;
            case NOT_FOUND -> ItemStatus.NOT_FOUND;
            case AMBIGUOUS -> ItemStatus.REJECTED;
            case STALE -> ItemStatus.STALE;
        };
    }

    private Uni<Void> upsert(SqlConnection connection, List<RegistryBatch.Write> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = writes.size();
        String[] accounts = new String[n];
        String[] hashes = new String[n];
        String[] masks = new String[n];
        String[] types = new String[n];
        String[] classes = new String[n];
        String[] vehicles = new String[n];
        String[] agreements = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] from = new OffsetDateTime[n];
        OffsetDateTime[] until = new OffsetDateTime[n];
        OffsetDateTime[] changed = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            RegisteredIdentifier e = writes.get(i).entry();
            accounts[i] = e.accountId();
            hashes[i] = e.idHash();
            masks[i] = writes.get(i).idMask();
            types[i] = e.idTokenType().name();
            classes[i] = e.accessClass().wire();
            vehicles[i] = e.vehicleId();
            agreements[i] = e.agreementId();
            statuses[i] = e.status().wire();
            from[i] = IdentifierRows.offset(e.validFrom());
            until[i] = IdentifierRows.offset(e.validUntil());
            changed[i] = IdentifierRows.offset(writes.get(i).changedAt());
        }
        Tuple tuple = Tuple.from(new Object[] { accounts, hashes, masks, types, classes, vehicles, agreements, statuses, from,
                until, changed });
        return connection.preparedQuery(UPSERT).execute(tuple).replaceWithVoid();
    }

    /** TOMBSTONE or RAISE_TOMBSTONE: ($1 account, $2 hash, $3 changedAt) per key. */
    private Uni<Void> keyed(SqlConnection connection, String sql, List<RegistryBatch.Write> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = writes.size();
        String[] accounts = new String[n];
        String[] hashes = new String[n];
        OffsetDateTime[] changed = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            accounts[i] = writes.get(i).key().accountId();
            hashes[i] = writes.get(i).key().idHash();
            changed[i] = IdentifierRows.offset(writes.get(i).changedAt());
        }
        return connection.preparedQuery(sql).execute(Tuple.of(accounts, hashes, changed)).replaceWithVoid();
    }

    private Uni<Void> newTombstones(SqlConnection connection, List<RegistryBatch.Write> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = writes.size();
        String[] accounts = new String[n];
        String[] hashes = new String[n];
        String[] masks = new String[n];
        String[] types = new String[n];
        OffsetDateTime[] changed = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            RegistryBatch.Write w = writes.get(i);
            accounts[i] = w.key().accountId();
            hashes[i] = w.key().idHash();
            masks[i] = w.idMask();
            types[i] = w.idTokenType() == null ? null : w.idTokenType().name();
            changed[i] = IdentifierRows.offset(w.changedAt());
        }
        Tuple tuple = Tuple.from(new Object[] { accounts, hashes, masks, types, changed });
        return connection.preparedQuery(NEW_TOMBSTONE).execute(tuple).replaceWithVoid();
    }

    @Override
    public Uni<List<IdentifierView>> page(String accountId, AccessClass accessClass, String afterAccountId,
            String afterIdHash, int limit) {
        Tuple tuple = Tuple.from(new Object[] { accountId, accessClass == null ? null : accessClass.wire(), afterAccountId,
                afterIdHash, limit });
        return pool.preparedQuery(PAGE).execute(tuple).map(rows -> {
            List<IdentifierView> views = new ArrayList<>(rows.size());
            for (Row row : rows) {
                views.add(new IdentifierView(row.getString("account_id"), row.getString("id_hash"), row.getString("id_mask"),
                        row.getString("id_token_type"), row.getString("access_class"), row.getString("vehicle_id"),
                        row.getString("agreement_id"), row.getString("status"), IdentifierRows.instant(row, "valid_from"),
                        IdentifierRows.instant(row, "valid_until"), IdentifierRows.instant(row, "updated_at"),
                        IdentifierRows.instant(row, "changed_at")));
            }
            return views;
        });
    }

    /**
     * Under the state-change lock, so that no registry write that read a tombstone a moment ago
     * finds it gone half-way. Replicas are not told: a tombstone is already an absence to them.
     */
    @Override
    public Uni<Integer> purgeTombstones(Instant writtenBefore, int max) {
        return pool.withTransaction(connection -> StateChangeLock.acquire(connection)
                .chain(() -> connection.preparedQuery(PURGE_TOMBSTONES)
                        .execute(Tuple.of(IdentifierRows.offset(writtenBefore), max)))
                .map(rows -> rows.rowCount()));
    }
}
