package com.betterfleet.access.authorisation.identifier.domain;

import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.Outcome.AMBIGUOUS;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.Outcome.CREATED;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.Outcome.DELETED;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.Outcome.NOT_FOUND;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.Outcome.STALE;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.Outcome.UPDATED;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.WriteKind.NEW_TOMBSTONE;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.WriteKind.PUT;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.WriteKind.RAISE_TOMBSTONE;
import static com.betterfleet.access.authorisation.identifier.domain.RegistryBatch.WriteKind.TOMBSTONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The registry's ordering rule over batches and feed messages: an item not newer than the last
 * change applied to its identifier is skipped as stale, whatever order the items arrive in. The
 * registry is simulated as the map of stored keys that the writes of each batch update.
 */
class RegistryBatchTest {
    private static final IdentifierHasher HASHER = new IdentifierHasher("contract-test-pepper");
    // a clock at the end of the storable range: no changedAt here counts as ahead of it
    private static final IdentifierItemValidator VALIDATOR = new IdentifierItemValidator(HASHER,
            Clock.fixed(Instant.parse("9999-12-31T23:59:59Z"), ZoneOffset.UTC));
    private static final Instant T1 = Instant.parse("2030-03-04T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(1);
    private static final Instant T3 = T1.plusSeconds(2);
    private static final Instant T4 = T1.plusSeconds(3);
    private static final Instant APPLIED = T1.plusSeconds(3600);
    private static final String CARD = "04A23F9A";

    /** The stored keys, updated by every batch played. */
    private final Map<RegistryBatch.Key, RegistryBatch.Stored> stored = new HashMap<>();
    /** Live entries, as a replica would hold them after the writes. */
    private final Map<RegistryBatch.Key, RegisteredIdentifier> live = new HashMap<>();
    private final List<RegistryBatch.Write> allWrites = new ArrayList<>();
    private Instant appliedAt = APPLIED;

    private static IdentifierCommand command(RawIdentifierItem raw) {
        ItemValidation v = VALIDATOR.validate(raw, List.of());
        assertTrue(v.valid(), () -> v.violations().toString());
        return v.command();
    }

    private static IdentifierCommand upsert(String token, String type, String status, Instant changedAt) {
        return command(new RawIdentifierItem("upsert", "acc-A", token, type, "own_fleet", null, null, status, null, null,
                changedAt == null ? null : changedAt.toString()));
    }

    private static IdentifierCommand upsert(String status, Instant changedAt) {
        return upsert(CARD, "ISO14443", status, changedAt);
    }

    private static IdentifierCommand delete(String token, String type, Instant changedAt) {
        return command(new RawIdentifierItem("delete", "acc-A", token, type, null, null, null, null, null, null,
                changedAt == null ? null : changedAt.toString()));
    }

    private static IdentifierCommand delete(Instant changedAt) {
        return delete(CARD, "ISO14443", changedAt);
    }

    private static RegistryBatch.Key key(String token, IdTokenType type) {
        return new RegistryBatch.Key("acc-A", HASHER.hash(token, type).idHash());
    }

    private static final RegistryBatch.Key CARD_KEY = key(CARD, IdTokenType.ISO14443);

    /** Plays one batch (or one feed message) and keeps what it wrote. */
    private RegistryBatch.Result play(IdentifierCommand... commands) {
        RegistryBatch.Result result = RegistryBatch.play(Arrays.asList(commands), stored, appliedAt);
        for (RegistryBatch.Write w : result.writes()) {
            allWrites.add(w);
            boolean isLive = w.kind() == PUT;
            stored.put(w.key(), new RegistryBatch.Stored(isLive, isLive ? w.entry().idTokenType() : null, w.changedAt()));
            if (isLive) {
                live.put(w.key(), w.entry());
            } else {
                live.remove(w.key());
            }
        }
        return result;
    }

    private static List<RegistryBatch.Outcome> outcomes(RegistryBatch.Result result) {
        return result.outcomes();
    }

    @Test
    void aDeleteIsNotUndoneByAnOlderUpsertArrivingAfterIt() {
        play(upsert("active", T1));
        assertEquals(List.of(DELETED), outcomes(play(delete(T2))));

        RegistryBatch.Result late = play(upsert("active", T1));
        assertEquals(List.of(STALE), outcomes(late));
        assertTrue(late.writes().isEmpty(), "a stale item writes nothing");
        assertFalse(live.containsKey(CARD_KEY));
        assertEquals(T2, stored.get(CARD_KEY).changedAt(), "the tombstone keeps the delete's changedAt");
    }

    @Test
    void aDeleteOvertakingTheFirstUpsertLeavesATombstoneThatStopsIt() {
        RegistryBatch.Result early = play(delete(T2));
        assertEquals(List.of(NOT_FOUND), outcomes(early));
        assertEquals(List.of(NEW_TOMBSTONE), early.writes().stream().map(RegistryBatch.Write::kind).toList());

        assertEquals(List.of(STALE), outcomes(play(upsert("active", T1))));
        assertFalse(live.containsKey(CARD_KEY));
        assertEquals(List.of(CREATED), outcomes(play(upsert("active", T3))), "a change after the delete registers it again");
        assertTrue(live.containsKey(CARD_KEY));
    }

    @Test
    void aBlockIsNotLiftedByAnOlderActiveUpsert() {
        play(upsert("active", T1));
        assertEquals(List.of(UPDATED), outcomes(play(upsert("blocked", T3))));
        assertEquals(List.of(STALE), outcomes(play(upsert("active", T2))));
        assertEquals(IdentifierStatus.BLOCKED, live.get(CARD_KEY).status());
    }

    @Test
    void aRedeliveredItemChangesNothing() {
        play(upsert("active", T1));
        RegistryBatch.Result again = play(upsert("active", T1));
        assertEquals(List.of(STALE), outcomes(again));
        assertTrue(again.writes().isEmpty());

        play(delete(T2));
        RegistryBatch.Result deleteAgain = play(delete(T2));
        assertEquals(List.of(STALE), outcomes(deleteAgain));
        assertTrue(deleteAgain.writes().isEmpty());
    }

    @Test
    void aRedeliveredDeleteOfSomethingNeverRegisteredIsStaleTheSecondTime() {
        assertEquals(List.of(NOT_FOUND), outcomes(play(delete(T2))));
        RegistryBatch.Result again = play(delete(T2));
        assertEquals(List.of(STALE), outcomes(again));
        assertTrue(again.writes().isEmpty());
    }

    @Test
    void aNewerDeleteRaisesTheTombstoneWithoutAnnouncingAChange() {
        play(upsert("active", T1));
        play(delete(T2));
        RegistryBatch.Result later = play(delete(T4));
        assertEquals(List.of(NOT_FOUND), outcomes(later));
        assertEquals(List.of(RAISE_TOMBSTONE), later.writes().stream().map(RegistryBatch.Write::kind).toList());
        assertEquals(List.of(STALE), outcomes(play(upsert("active", T3))), "older than the latest delete");
    }

    @Test
    void onlyChangesThatReachReplicasAreAnnounced() {
        play(upsert("active", T1));
        assertEquals(List.of(PUT), allWrites.stream().map(RegistryBatch.Write::kind).toList());
        assertEquals(List.of(TOMBSTONE), play(delete(T2)).writes().stream().map(RegistryBatch.Write::kind).toList());
        assertEquals(List.of(PUT), play(upsert("active", T3)).writes().stream().map(RegistryBatch.Write::kind).toList(),
                "a newer upsert over a tombstone");
    }

    @Test
    void itemsOfOneBatchAreOrderedTheSameWay() {
        RegistryBatch.Result result = play(upsert("active", T1), delete(T2), upsert("active", T1), upsert("blocked", T3),
                upsert("active", T2));
        assertEquals(List.of(CREATED, DELETED, STALE, CREATED, STALE), outcomes(result));
        assertEquals(1, result.writes().size(), "only the last state of the key is written");
        assertEquals(IdentifierStatus.BLOCKED, live.get(CARD_KEY).status());
        assertEquals(T3, stored.get(CARD_KEY).changedAt());
    }

    @Test
    void reorderedWithinABatchTheDeleteStillWins() {
        assertEquals(List.of(NOT_FOUND, STALE), outcomes(play(delete(T2), upsert("active", T1))));
        assertFalse(live.containsKey(CARD_KEY));
    }

    @Test
    void undatedItemsKeepLastWriterWins() {
        assertEquals(List.of(CREATED, UPDATED, DELETED, CREATED),
                outcomes(play(upsert("active", null), upsert("blocked", null), delete(null), upsert("inactive", null))));
        assertEquals(IdentifierStatus.INACTIVE, live.get(CARD_KEY).status());
        assertEquals(APPLIED, stored.get(CARD_KEY).changedAt(), "stored with the time it was applied");

        appliedAt = APPLIED.plusSeconds(1);
        assertEquals(List.of(UPDATED), outcomes(play(upsert("active", null))), "a later batch wins");
    }

    @Test
    void anUndatedItemAlwaysAppliesAndKeepsLaterDatedItemsOrdered() {
        play(upsert("active", T1));
        assertEquals(List.of(UPDATED), outcomes(play(upsert("blocked", null))), "T1 is before the batch was applied");

        // a feed change dated ahead of our clock must not hold off an operator's undated block
        play(upsert("active", APPLIED.plusSeconds(5)));
        assertEquals(List.of(UPDATED), outcomes(play(upsert("blocked", null))));
        assertEquals(IdentifierStatus.BLOCKED, live.get(CARD_KEY).status());
        assertEquals(List.of(STALE), outcomes(play(upsert("active", APPLIED.plusSeconds(4)))),
                "older than the change the block replaced: still stale");
        assertEquals(IdentifierStatus.BLOCKED, live.get(CARD_KEY).status());
    }

    @Test
    void aDatedItemOlderThanAnUndatedChangeIsStale() {
        play(upsert("blocked", null));
        assertEquals(List.of(STALE), outcomes(play(upsert("active", T1))), "changed before the undated block was applied");
        assertEquals(List.of(UPDATED), outcomes(play(upsert("active", APPLIED.plusSeconds(1)))));
    }

    @Test
    void aRowWrittenBeforeChangedAtExistedTakesAnyChange() {
        stored.put(CARD_KEY, new RegistryBatch.Stored(true, IdTokenType.ISO14443, null));
        assertEquals(List.of(UPDATED), outcomes(play(upsert("blocked", T1))));
        RegistryBatch.Key legacyTombstone = key("0B0B0B0B", IdTokenType.ISO14443);
        stored.put(legacyTombstone, new RegistryBatch.Stored(false, null, null));
        RegistryBatch.Result result = play(upsert("0B0B0B0B", "ISO14443", "active", T1));
        assertEquals(List.of(CREATED), outcomes(result));
    }

    @Test
    void aTypelessDeleteMarksEveryKeyItCouldNameSoItsRedeliveryIsStale() {
        // "ab12cd34" without idTokenType names a KeyCode registered as ab12cd34 or an RFID card AB12CD34
        play(upsert("ab12cd34", "KeyCode", "active", T1));
        RegistryBatch.Result deleted = play(delete("ab12cd34", null, T2));
        assertEquals(List.of(DELETED), outcomes(deleted));
        Map<RegistryBatch.Key, RegistryBatch.Write> byKey = new HashMap<>();
        deleted.writes().forEach(w -> byKey.put(w.key(), w));
        assertEquals(2, byKey.size());
        assertEquals(TOMBSTONE, byKey.get(key("ab12cd34", IdTokenType.KeyCode)).kind());
        RegistryBatch.Write cardTombstone = byKey.get(key("AB12CD34", IdTokenType.ISO14443));
        assertEquals(NEW_TOMBSTONE, cardTombstone.kind());
        assertNull(cardTombstone.idTokenType(), "a typeless delete leaves an untyped tombstone");

        assertEquals(List.of(STALE), outcomes(play(delete("ab12cd34", null, T2))));
        assertEquals(List.of(STALE), outcomes(play(upsert("ab12cd34", "ISO14443", "active", T1))),
                "the RFID form it could have named too");
        assertEquals(List.of(STALE), outcomes(play(upsert("ab12cd34", "KeyCode", "active", T1))));
    }

    @Test
    void aTypelessDeleteLeavesAnotherLiveCodeUnderItsHashesAlone() {
        // KeyCodes are case-sensitive: AB12CD34 is another code than ab12cd34
        play(upsert("AB12CD34", "KeyCode", "active", T1));
        RegistryBatch.Result result = play(delete("ab12cd34", null, T2));
        assertEquals(List.of(NOT_FOUND), outcomes(result));
        assertEquals(List.of(key("ab12cd34", IdTokenType.KeyCode)), result.writes().stream().map(RegistryBatch.Write::key)
                .toList());
        assertEquals(T1, stored.get(key("AB12CD34", IdTokenType.KeyCode)).changedAt());
        assertTrue(live.containsKey(key("AB12CD34", IdTokenType.KeyCode)));
    }

    @Test
    void anAmbiguousDeleteChangesNothing() {
        play(upsert("AB12CD34", "ISO14443", "active", T1), upsert("ab12cd34", "KeyCode", "active", T1));
        RegistryBatch.Result result = play(delete("ab12cd34", null, T2));
        assertEquals(List.of(AMBIGUOUS), outcomes(result));
        assertTrue(result.writes().isEmpty());
    }

    @Test
    void aStaleDeleteOfALiveEntryChangesNothing() {
        play(upsert("active", T2));
        RegistryBatch.Result result = play(delete(T1));
        assertEquals(List.of(STALE), outcomes(result));
        assertTrue(result.writes().isEmpty());
        assertTrue(live.containsKey(CARD_KEY));
    }
}
