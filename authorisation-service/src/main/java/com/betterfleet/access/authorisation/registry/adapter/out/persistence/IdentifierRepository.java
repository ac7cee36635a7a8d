package com.betterfleet.access.authorisation.registry.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
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
    private static final String LIVE_KEYS = "SELECT account_id, id_hash FROM identifier WHERE NOT deleted "
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

    private Uni<Set<String>> liveKeys(SqlConnection connection, List<IdentifierCommand> commands) {
        String[] accounts = new String[commands.size()];
        String[] hashes = new String[commands.size()];
        for (int i = 0; i < commands.size(); i++) {
            accounts[i] = commands.get(i).accountId();
            hashes[i] = commands.get(i).identifier().idHash();
        }
        return connection.preparedQuery(LIVE_KEYS).execute(Tuple.of(accounts, hashes)).map(rows -> {
            Set<String> keys = new HashSet<>();
            for (Row row : rows) {
                keys.add(row.getString("account_id") + '\n' + row.getString("id_hash"));
            }
            return keys;
        });
    }

    private Uni<List<ItemStatus>> write(SqlConnection connection, List<IdentifierCommand> commands, Set<String> liveAtStart) {
        Set<String> live = new HashSet<>(liveAtStart);
        List<ItemStatus> statuses = new ArrayList<>(commands.size());
        Map<String, IdentifierCommand> last = new LinkedHashMap<>();
        for (IdentifierCommand command : commands) {
            String key = command.key();
            if (command instanceof IdentifierCommand.Upsert) {
                statuses.add(live.add(key) ? ItemStatus.CREATED : ItemStatus.UPDATED);
            } else {
                statuses.add(live.remove(key) ? ItemStatus.DELETED : ItemStatus.NOT_FOUND);
            }
            last.put(key, command);
        }
        List<RegisteredIdentifier> upserts = new ArrayList<>();
        List<IdentifierCommand> deletes = new ArrayList<>();
        for (IdentifierCommand command : last.values()) {
            if (command instanceof IdentifierCommand.Upsert upsert) {
                upserts.add(upsert.identifierEntry());
            } else if (liveAtStart.contains(command.key())) {
                deletes.add(command);
            }
        }
        return upsert(connection, upserts).chain(() -> tombstone(connection, deletes)).replaceWith(statuses);
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

    private Uni<Void> tombstone(SqlConnection connection, List<IdentifierCommand> deletes) {
        if (deletes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] accounts = new String[deletes.size()];
        String[] hashes = new String[deletes.size()];
        for (int i = 0; i < deletes.size(); i++) {
            accounts[i] = deletes.get(i).accountId();
            hashes[i] = deletes.get(i).identifier().idHash();
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
