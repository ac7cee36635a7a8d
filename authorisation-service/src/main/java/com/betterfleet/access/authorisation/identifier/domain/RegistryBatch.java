package com.betterfleet.access.authorisation.identifier.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plays a batch of registry commands, in order, against what is stored under the keys they touch,
 * applying {@link ChangeOrder}; yields each command's outcome and the last state of every key that
 * changed. Items of one batch see the earlier items of the same batch.
 *
 * <p>A delete leaves its changedAt on a tombstone under every key it could name that holds no other
 * live identifier, also when it found nothing to delete: an upsert dated before the delete that
 * arrives after it (reordered) is then recognised as stale instead of registering the identifier.
 */
public final class RegistryBatch {
    private RegistryBatch() {
    }

    /** One registry key: an account's identifier hash. */
    public record Key(String accountId, String idHash) {
        public Key {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(idHash, "idHash");
        }
    }

    /**
     * What is stored under a key before the batch.
     *
     * @param live a live entry (false: a tombstone)
     * @param type the live entry's type; null for a tombstone or a type this version does not know
     * @param changedAt changedAt of the last change applied to the key; null if written before
     *        changedAt existed
     */
    public record Stored(boolean live, IdTokenType type, Instant changedAt) {
    }

    public enum Outcome {
        CREATED, UPDATED, DELETED, NOT_FOUND,
        /** A delete without idTokenType that names two live registrations: nothing changes. */
        AMBIGUOUS,
        /** Not newer than the change already applied to the key: skipped, nothing changes. */
        STALE
    }

    /** How a key's last state is written. */
    public enum WriteKind {
        /** Create or replace the live entry (replicas must see it). */
        PUT,
        /** Turn the live entry into a tombstone (replicas must see it). */
        TOMBSTONE,
        /** Insert a tombstone where nothing was stored (a new row; replicas see a delete of nothing). */
        NEW_TOMBSTONE,
        /**
         * Only raise the changedAt of a tombstone: nothing a replica holds changes, so it is not
         * announced as a state change.
         */
        RAISE_TOMBSTONE
    }

    /**
     * The last state of one key.
     *
     * @param entry the live entry for {@code PUT}, else null
     * @param idMask for {@code PUT}: the mask stored for the registry's listings; for {@code NEW_TOMBSTONE}:
     *        the mask to keep (tombstones are never shown)
     * @param idTokenType for {@code NEW_TOMBSTONE}: the type, or null (a delete without idTokenType)
     */
    public record Write(WriteKind kind, Key key, RegisteredIdentifier entry, Instant changedAt, String idMask,
            IdTokenType idTokenType) {
    }

    public record Result(List<Outcome> outcomes, List<Write> writes) {
        public Result {
            outcomes = List.copyOf(outcomes);
            writes = List.copyOf(writes);
        }
    }

    /** A key's state while the batch is played. */
    private static final class Slot {
        final Stored before;
        boolean exists;
        boolean live;
        IdTokenType type;
        Instant changedAt;
        RegisteredIdentifier entry;
        String idMask;
        boolean changed;

        Slot(Stored before) {
            this.before = before;
            if (before != null) {
                exists = true;
                live = before.live();
                type = before.type();
                changedAt = before.changedAt();
            }
        }
    }

    /**
     * @param stored what is stored under the keys the commands may touch (an absent key has no row)
     * @param appliedAt when the batch is applied (the database clock, under the state-change lock)
     */
    public static Result play(List<IdentifierCommand> commands, Map<Key, Stored> stored, Instant appliedAt) {
        Objects.requireNonNull(appliedAt, "appliedAt");
        Map<Key, Slot> slots = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(commands.size());
        for (IdentifierCommand command : commands) {
            if (command instanceof IdentifierCommand.Upsert upsert) {
                outcomes.add(upsert(upsert, slots, stored, appliedAt));
            } else {
                outcomes.add(delete((IdentifierCommand.Delete) command, slots, stored, appliedAt));
            }
        }
        List<Write> writes = new ArrayList<>();
        slots.forEach((key, slot) -> {
            if (slot.changed) {
                writes.add(write(key, slot));
            }
        });
        return new Result(outcomes, writes);
    }

    private static Slot slot(Key key, Map<Key, Slot> slots, Map<Key, Stored> stored) {
        return slots.computeIfAbsent(key, k -> new Slot(stored.get(k)));
    }

    private static Outcome upsert(IdentifierCommand.Upsert upsert, Map<Key, Slot> slots, Map<Key, Stored> stored,
            Instant appliedAt) {
        RegisteredIdentifier entry = upsert.identifierEntry();
        Slot slot = slot(new Key(entry.accountId(), entry.idHash()), slots, stored);
        if (!ChangeOrder.supersedes(upsert.changedAt(), slot.changedAt, appliedAt)) {
            return Outcome.STALE;
        }
        Outcome outcome = slot.live ? Outcome.UPDATED : Outcome.CREATED;
        slot.exists = true;
        slot.live = true;
        slot.type = entry.idTokenType();
        slot.entry = entry;
        slot.idMask = upsert.idMask();
        slot.changedAt = ChangeOrder.stamp(upsert.changedAt(), slot.changedAt, appliedAt);
        slot.changed = true;
        return outcome;
    }

    private static Outcome delete(IdentifierCommand.Delete delete, Map<Key, Slot> slots, Map<Key, Stored> stored,
            Instant appliedAt) {
        List<Key> named = new ArrayList<>(2);
        List<Key> free = new ArrayList<>(2);
        for (String hash : delete.candidateHashes()) {
            Key key = new Key(delete.accountId(), hash);
            if (named.contains(key) || free.contains(key)) {
                continue;
            }
            Slot slot = slot(key, slots, stored);
            if (!slot.live) {
                free.add(key);
            } else if (names(delete, hash, slot.type)) {
                named.add(key);
            }
            // else: another live registration under this hash (another type's code): not ours to touch
        }
        if (named.size() > 1) {
            return Outcome.AMBIGUOUS;
        }
        Instant changedAt = delete.changedAt();
        if (named.size() == 1) {
            Slot target = slots.get(named.get(0));
            if (!ChangeOrder.supersedes(changedAt, target.changedAt, appliedAt)) {
                return Outcome.STALE;
            }
            tombstone(target, delete, appliedAt);
            for (Key key : free) {
                Slot slot = slots.get(key);
                if (ChangeOrder.supersedes(changedAt, slot.changedAt, appliedAt)) {
                    tombstone(slot, delete, appliedAt);
                }
            }
            return Outcome.DELETED;
        }
        boolean marked = false;
        for (Key key : free) {
            Slot slot = slots.get(key);
            if (ChangeOrder.supersedes(changedAt, slot.changedAt, appliedAt)) {
                tombstone(slot, delete, appliedAt);
                marked = true;
            }
        }
        // stale only if every key it could name already knows a change as new as this one
        return marked || free.isEmpty() ? Outcome.NOT_FOUND : Outcome.STALE;
    }

    private static void tombstone(Slot slot, IdentifierCommand.Delete delete, Instant appliedAt) {
        if (!slot.exists) {
            slot.exists = true;
            slot.type = delete.identifier().type();
            // a tombstone is never shown; a delete without idTokenType has only this one mask
            slot.idMask = delete.identifier().idMask();
        }
        slot.live = false;
        slot.entry = null;
        slot.changedAt = ChangeOrder.stamp(delete.changedAt(), slot.changedAt, appliedAt);
        slot.changed = true;
    }

    private static boolean names(IdentifierCommand.Delete delete, String hash, IdTokenType storedType) {
        // an entry of a type this version does not know is found by its exact hash only
        return storedType == null ? hash.equals(delete.identifier().idHash()) : delete.names(hash, storedType);
    }

    private static Write write(Key key, Slot slot) {
        if (slot.live) {
            return new Write(WriteKind.PUT, key, slot.entry, slot.changedAt, slot.idMask, slot.type);
        }
        WriteKind kind;
        if (slot.before == null) {
            kind = WriteKind.NEW_TOMBSTONE;
        } else if (slot.before.live()) {
            kind = WriteKind.TOMBSTONE;
        } else {
            kind = WriteKind.RAISE_TOMBSTONE;
        }
        return new Write(kind, key, null, slot.changedAt, slot.idMask, slot.type);
    }
}
