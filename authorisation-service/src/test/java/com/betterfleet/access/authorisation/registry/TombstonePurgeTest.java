package com.betterfleet.access.authorisation.registry;

import static com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder.delete;
import static com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder.ownFleet;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.registry.application.TombstonePurge;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.testdata.Cards;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Database;
import com.betterfleet.access.authorisation.testsupport.Tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tombstones of deleted identifiers go after {@code access.identifiers.tombstone-retention} (30 days
 * by default), in bounded batches; live identifiers, however old, and younger tombstones stay; and
 * a purged identifier can be registered again.
 */
@QuarkusTest
class TombstonePurgeTest {
    private static final String SYNC = Tokens.machine("identifier-sync");

    @Inject
    TombstonePurge purge;

    @Inject
    ReplicaState state;

    @Inject
    MeterRegistry meters;

    private static String account() {
        return "acc-tp-" + UUID.randomUUID().toString().substring(0, 8);
    }



    private static void writtenDaysAgo(String account, String card, int days) {
        Database.execute("UPDATE identifier SET updated_at = now() - make_interval(days => ?) WHERE account_id = ? AND id_hash = ?",
                days, account, Cards.hash(card));
    }

    private static long rows(String account, String card, String condition) {
        return Database.count("SELECT count(*) FROM identifier WHERE account_id = ? AND id_hash = ? AND " + condition,
                account, Cards.hash(card));
    }

    private double purgedSoFar() {
        var counter = meters.find("authorisation.identifiers.tombstones.purged").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void removesOnlyTombstonesOlderThanTheRetention() {
        String account = account();
        String old = Cards.random();
        String recent = Cards.random();
        String oldButLive = Cards.random();
        Api.register(List.of(ownFleet(account, old).map(), ownFleet(account, recent).map(), ownFleet(account, oldButLive).map()));
        Api.batch(SYNC, List.of(delete(account, old).map(), delete(account, recent).map())).statusCode(200)
                .body("results[0].status", equalTo("deleted")).body("results[1].status", equalTo("deleted"));
        writtenDaysAgo(account, old, 31);
        writtenDaysAgo(account, recent, 29);
        writtenDaysAgo(account, oldButLive, 400);
        double before = purgedSoFar();

        int removed = purge.run().await().indefinitely();

        assertTrue(removed >= 1, "removed " + removed);
        assertEquals(0, rows(account, old, "true"), "the 31-day-old tombstone is gone");
        assertEquals(1, rows(account, recent, "deleted"), "the 29-day-old tombstone stays");
        assertEquals(1, rows(account, oldButLive, "NOT deleted"), "a live identifier is never purged");
        assertTrue(purgedSoFar() - before >= 1);
    }

    @Test
    void aPurgedIdentifierMayBeRegisteredAgain() {
        String account = account();
        String tag = Cards.random();
        Api.register(List.of(ownFleet(account, tag).map()));
        Api.batch(SYNC, List.of(delete(account, tag).map())).statusCode(200);
        writtenDaysAgo(account, tag, 60);

        purge.run().await().indefinitely();

        assertEquals(0, rows(account, tag, "true"));
        Api.register(List.of(ownFleet(account, tag).map()));
        assertEquals(1, rows(account, tag, "NOT deleted"));
        assertTrue(state.identifiers(Cards.hash(tag)).stream().anyMatch(e -> e.accountId().equals(account)));
    }

    @Test
    void aBacklogLargerThanOneBatchIsRemovedInOneRun() {
        String account = account();
        // 2,500 old tombstones, as years of deletes would leave them (three batches of at most 1,000)
        Database.execute("INSERT INTO identifier (account_id, id_hash, id_mask, deleted, changed_at, updated_at, change_seq) "
                + "SELECT ?, encode(sha256(convert_to(? || i::text, 'UTF8')), 'hex'), '****', true, now() - interval '90 days', "
                + "now() - interval '90 days', nextval('state_change_seq') FROM generate_series(1, 2500) AS i",
                account, account);
        assertEquals(2500, Database.count("SELECT count(*) FROM identifier WHERE account_id = ?", account));

        int removed = purge.run().await().indefinitely();

        assertTrue(removed >= 2500, "removed " + removed);
        assertEquals(0, Database.count("SELECT count(*) FROM identifier WHERE account_id = ?", account));
    }
}
