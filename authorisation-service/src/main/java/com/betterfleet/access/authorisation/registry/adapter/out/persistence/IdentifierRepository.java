package com.betterfleet.access.authorisation.registry.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierCommand;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
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
 * {@code identifier}: hash, mask and metadata only. Writes run under the state-change lock, are
 * stamped with {@code change_seq}, and keep deleted identifiers as tombstones.
 */
@Singleton
public class IdentifierRepository implements IdentifierStore {
    private static final String LIVE_KEYS = "SELECT account_id, id_hash, id_token_type FROM identifier WHERE NOT deleted "
            + "AND (account_id, id_hash) IN (SELECT * FROM unnest($1::text[], $2::text[]))";
    private static final String UPSERT = "INSERT INTO identifier (account_id, id_hash, id_mask, id_token_type, access_class, "
            + "vehicle_id, agreement_id, status, valid_from, valid_until, deleted, updated_at, change_seq) "
            + "SELECT a, h, m, t, c, v, g, s, vf, vu, false, now(), nextval('state_change_seq') FROM unnest("
            + "$1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
            + "$9::timestamptz[], $10::timestamptz[]) AS u(a, h, m, t, c, v, g, s, vf, vu) "
            + "ON CONFLICT (account_id, id_hash) DO UPDATE SET id_mask = EXCLUDED.id_mask, "
            + "id_token_type = EXCLUDED.id_token_type, access_class = EXCLUDED.access_class, "
            + "vehicle_id = EXCLUDED.vehicle_id, agreement_id = EXCLUDED.agreement_id, status = EXCLUDED.status, "
            + "valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until, deleted = false, "
            + "updated_at = EXCLUDED.updated_at, change_seq = EXCLUDED.change_seq";
    private static final String TOMBSTONE = "UPDATE identifier SET deleted = true, updated_at = now(), "
            + "change_seq = nextval('state_change_seq') WHERE NOT deleted "
            + "AND (account_id, id_hash) IN (SELECT * FROM unnest($1::text[], $2::text[]))";
    private static final String PAGE = "SELECT account_id, id_hash, id_mask, id_token_type, access_class, vehicle_id, "
            + "agreement_id, status, valid_from, valid_until, updated_at FROM identifier WHERE NOT deleted "
            + "AND ($1::text IS NULL OR account_id = $1) AND ($2::text IS NULL OR access_class = $2) "
            + "AND (account_id, id_hash) > ($3, $4) ORDER BY account_id, id_hash LIMIT $5";

    private final Pool pool;

    public IdentifierRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<ItemStatus>> apply(List<IdentifierCommand> commands) {
        return pool.withTransaction(connection -> StateChangeLock.acquire(connection)
                .chain(() -> liveKeys(connection, commands))
                .chain(live -> write(connection, commands, live)));
    }

    /** One registry key: an account's identifier hash. */
    private record Key(String accountId, String idHash) {
    }

    /** The live entries (and their types) under every hash the commands may touch. */
    private Uni<Map<Key, IdTokenType>> liveKeys(SqlConnection connection, List<IdentifierCommand> commands) {
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
        return connection.preparedQuery(LIVE_KEYS)
                .execute(Tuple.of(accounts.toArray(String[]::new), hashes.toArray(String[]::new)))
                .map(rows -> {
                    Map<Key, IdTokenType> keys = new HashMap<>();
                    for (Row row : rows) {
                        // null: a type this version does not know (see names)
                        keys.put(new Key(row.getString("account_id"), row.getString("id_hash")),
                                IdTokenType.fromWire(row.getString("id_token_type")).orElse(null));
                    }
                    return keys;
                });
    }

    /**
     * Plays the commands in order against the live entries to get each one's status, then writes
     * only the last state of each key. A delete without idTokenType that names two live entries
     * (see {@link IdentifierCommand.Delete#names}) removes neither and is {@code REJECTED}.
     */
    private Uni<List<ItemStatus>> write(SqlConnection connection, List<IdentifierCommand> commands,
            Map<Key, IdTokenType> liveAtStart) {
        Map<Key, IdTokenType> live = new HashMap<>(liveAtStart);
        List<ItemStatus> statuses = new ArrayList<>(commands.size());
        // the last write of the batch to each key: the entry to upsert, or null to delete
        Map<Key, RegisteredIdentifier> last = new LinkedHashMap<>();
        for (IdentifierCommand command : commands) {
            if (command instanceof IdentifierCommand.Upsert upsert) {
                RegisteredIdentifier entry = upsert.identifierEntry();
                Key key = new Key(entry.accountId(), entry.idHash());
                boolean existed = live.containsKey(key);
                live.put(key, entry.idTokenType());
                statuses.add(existed ? ItemStatus.UPDATED : ItemStatus.CREATED);
                last.put(key, entry);
            } else if (command instanceof IdentifierCommand.Delete delete) {
                List<Key> named = named(delete, live);
                if (named.isEmpty()) {
                    statuses.add(ItemStatus.NOT_FOUND);
                } else if (named.size() > 1) {
                    statuses.add(ItemStatus.REJECTED);
                } else {
                    live.remove(named.get(0));
                    statuses.add(ItemStatus.DELETED);
                    last.put(named.get(0), null);
                }
            }
        }
        List<RegisteredIdentifier> upserts = new ArrayList<>();
        List<Key> deletes = new ArrayList<>();
        last.forEach((key, entry) -> {
            if (entry != null) {
                upserts.add(entry);
            } else if (liveAtStart.containsKey(key)) {
                deletes.add(key);
            }
        });
        return upsert(connection, upserts).chain(() -> tombstone(connection, deletes)).replaceWith(statuses);
    }

    private static List<Key> named(IdentifierCommand.Delete delete, Map<Key, IdTokenType> live) {
        List<Key> named = new ArrayList<>(2);
        for (String hash : delete.candidateHashes()) {
            Key key = new Key(delete.accountId(), hash);
            if (live.containsKey(key) && !named.contains(key) && names(delete, hash, live.get(key))) {
                named.add(key);
            }
        }
        return named;
    }

    private static boolean names(IdentifierCommand.Delete delete, String hash, IdTokenType storedType) {
        // an entry of an unknown type is found by its exact hash only
        return storedType == null ? hash.equals(delete.identifier().idHash()) : delete.names(hash, storedType);
    }

    private Uni<Void> upsert(SqlConnection connection, List<RegisteredIdentifier> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
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
        for (int i = 0; i < n; i++) {
            RegisteredIdentifier e = entries.get(i);
            accounts[i] = e.accountId();
            hashes[i] = e.idHash();
            masks[i] = e.idMask();
            types[i] = e.idTokenType().name();
            classes[i] = e.accessClass().wire();
            vehicles[i] = e.vehicleId();
            agreements[i] = e.agreementId();
            statuses[i] = e.status().wire();
            from[i] = IdentifierRows.offset(e.validFrom());
            until[i] = IdentifierRows.offset(e.validUntil());
        }
        Tuple tuple = Tuple.from(new Object[] { accounts, hashes, masks, types, classes, vehicles, agreements, statuses, from,
                until });
        return connection.preparedQuery(UPSERT).execute(tuple).replaceWithVoid();
    }

    private Uni<Void> tombstone(SqlConnection connection, List<Key> deletes) {
        if (deletes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] accounts = new String[deletes.size()];
        String[] hashes = new String[deletes.size()];
        for (int i = 0; i < deletes.size(); i++) {
            accounts[i] = deletes.get(i).accountId();
            hashes[i] = deletes.get(i).idHash();
        }
        return connection.preparedQuery(TOMBSTONE).execute(Tuple.of(accounts, hashes)).replaceWithVoid();
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
                        IdentifierRows.instant(row, "valid_until"), IdentifierRows.instant(row, "updated_at")));
            }
            return views;
        });
    }
}
