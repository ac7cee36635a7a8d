package com.betterfleet.access.authorisation.replica.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;

/**
 * The state every Authorize decision is made from, held in memory on each replica: identifiers by
 * hash and charger states by id. Reads are lock-free and allocation-free; only the
 * {@link StateReplicator} writes, from rows committed to the database.
 */
@Singleton
public class ReplicaState {
    private static final Comparator<RegisteredIdentifier> BY_ACCOUNT = Comparator.comparing(RegisteredIdentifier::accountId);

    private final ConcurrentHashMap<String, List<RegisteredIdentifier>> identifiersByHash = new ConcurrentHashMap<>(4096);
    private final ConcurrentHashMap<String, ChargerState> chargers = new ConcurrentHashMap<>(1024);
    /**
     * One instance of each account and agreement id: they repeat across many identifiers, and a
     * UUID-shaped id costs 80 bytes per copy. Never shrinks; bounded by the accounts and
     * agreements this replica has seen.
     */
    private final ConcurrentHashMap<String, String> sharedIds = new ConcurrentHashMap<>();
    private final AtomicInteger identifierCount = new AtomicInteger();
    private volatile boolean loaded;

    /** Registry entries with this hash, one per account, ordered by account; empty if none. */
    public List<RegisteredIdentifier> identifiers(String idHash) {
        List<RegisteredIdentifier> found = identifiersByHash.get(idHash);
        return found == null ? List.of() : found;
    }

    /** The charger's state, or null if no event about it has been seen. */
    public ChargerState charger(String chargerId) {
        return chargers.get(chargerId);
    }

    /** Whether the initial full load has completed (before that, nothing is decided). */
    public boolean loaded() {
        return loaded;
    }

    public int identifierCount() {
        return identifierCount.get();
    }

    public int chargerCount() {
        return chargers.size();
    }

    void markLoaded() {
        loaded = true;
    }

    void putIdentifier(RegisteredIdentifier received) {
        RegisteredIdentifier entry = withSharedIds(received);
        identifiersByHash.compute(entry.idHash(), (hash, current) -> {
            List<RegisteredIdentifier> next = new ArrayList<>(current == null ? 1 : current.size() + 1);
            boolean replaced = false;
            if (current != null) {
                for (RegisteredIdentifier existing : current) {
                    if (existing.accountId().equals(entry.accountId())) {
                        next.add(entry);
                        replaced = true;
                    } else {
                        next.add(existing);
                    }
                }
            }
            if (!replaced) {
                next.add(entry);
                next.sort(BY_ACCOUNT);
                identifierCount.incrementAndGet();
            }
            return List.copyOf(next);
        });
    }

    private RegisteredIdentifier withSharedIds(RegisteredIdentifier e) {
        String account = sharedIds.computeIfAbsent(e.accountId(), id -> id);
        String agreement = e.agreementId() == null ? null : sharedIds.computeIfAbsent(e.agreementId(), id -> id);
        if (account == e.accountId() && agreement == e.agreementId()) {
            return e;
        }
        return new RegisteredIdentifier(account, e.idHash(), e.idTokenType(), e.accessClass(), e.vehicleId(), agreement,
                e.status(), e.validFrom(), e.validUntil());
    }

    void removeIdentifier(String accountId, String idHash) {
        identifiersByHash.computeIfPresent(idHash, (hash, current) -> {
            List<RegisteredIdentifier> next = new ArrayList<>(current.size());
            for (RegisteredIdentifier existing : current) {
                if (existing.accountId().equals(accountId)) {
                    identifierCount.decrementAndGet();
                } else {
                    next.add(existing);
                }
            }
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    void putCharger(ChargerState state) {
        chargers.put(state.chargerId(), state);
    }

    void removeCharger(String chargerId) {
        chargers.remove(chargerId);
    }
}
