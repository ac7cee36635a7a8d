package com.betterfleet.access.authorisation.registry;

import static com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder.delete;
import static com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder.ownFleet;
import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.capabilityChanged;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.identifier.domain.IdentifierStatus;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder;
import com.betterfleet.access.authorisation.testdata.Cards;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Broker;
import com.betterfleet.access.authorisation.testsupport.ChargerStates;
import com.betterfleet.access.authorisation.testsupport.Database;
import com.betterfleet.access.authorisation.testsupport.Tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The ordering guard of the identifier registry (identifier-item.schema.json {@code changedAt}),
 * through the batch API and the AMQP feed: an item not newer than the last change applied to its
 * identifier is skipped as {@code stale}, writes nothing (no new change_seq) and leaves what this
 * replica decides with unchanged.
 */
@QuarkusTest
class IdentifierOrderingTest {
    private static final String SYNC = Tokens.machine("identifier-sync");
    private static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    @Inject
    ReplicaState state;

    @Inject
    MeterRegistry meters;

    private static String account() {
        return "acc-ord-" + UUID.randomUUID().toString().substring(0, 8);
    }



    private static Map<String, Object> at(IdentifierItemBuilder item, Instant changedAt) {
        return item.with("changedAt", changedAt.toString()).map();
    }

    private static String json(IdentifierItemBuilder item, Instant changedAt) {
        return item.with("changedAt", changedAt.toString()).json();
    }

    private static long changeSeq(String account, String card) {
        return Database.count("SELECT change_seq FROM identifier WHERE account_id = ? AND id_hash = ?", account, Cards.hash(card));
    }

    private static boolean deleted(String account, String card) {
        return Database.count("SELECT count(*) FROM identifier WHERE account_id = ? AND id_hash = ? AND deleted", account,
                Cards.hash(card)) == 1;
    }

    private static long liveCount(String account) {
        return Database.count("SELECT count(*) FROM identifier WHERE account_id = ? AND NOT deleted", account);
    }

    /** This replica's in-memory entry of the card, or null. */
    private RegisteredIdentifier inMemory(String account, String card) {
        return state.identifiers(Cards.hash(card)).stream().filter(e -> e.accountId().equals(account)).findFirst().orElse(null);
    }

    private String chargerOf(String account) {
        String charger = "CP-ORD-" + account;
        ChargerStates.publishAndAwait(state, charger, capabilityChanged(charger, account, "ocpp1.6", null).json(),
                s -> account.equals(s.accountId()));
        return charger;
    }

    private double feedCount(String outcome) {
        var counter = meters.find("authorisation.identifier.feed").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitFeedCount(String outcome, double atLeast) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> feedCount(outcome) >= atLeast);
    }

    // --- batch API ---

    @Test
    void batchAnOlderUpsertAfterADeleteIsStaleAndTheIdentifierStaysDeleted() {
        String account = account();
        String card = Cards.random();
        String charger = chargerOf(account);
        Api.batch(SYNC, List.of(at(ownFleet(account, card), T0))).statusCode(200)
                .body("results[0].status", equalTo("created"));
        Api.batch(SYNC, List.of(at(delete(account, card).type("ISO14443"), T2))).statusCode(200)
                .body("results[0].status", equalTo("deleted"));
        long seq = changeSeq(account, card);

        Api.batch(SYNC, List.of(at(ownFleet(account, card), T1))).statusCode(200)
                .body("results[0].status", equalTo("stale"))
                .body("results[0].idMask", equalTo("RFID ••••" + card.substring(4)));

        assertTrue(deleted(account, card));
        assertEquals(seq, changeSeq(account, card), "a skipped item takes no change_seq");
        assertEquals(null, inMemory(account, card));
        Api.authorise(charger, card, null).statusCode(200).body("reason", equalTo("unknown_identifier"));
    }

    @Test
    void batchADeleteThatOvertookTheFirstUpsertStillWins() {
        String account = account();
        String card = Cards.random();
        Api.batch(SYNC, List.of(at(delete(account, card).type("ISO14443"), T2))).statusCode(200)
                .body("results[0].status", equalTo("not_found"));
        Api.batch(SYNC, List.of(at(ownFleet(account, card), T1))).statusCode(200)
                .body("results[0].status", equalTo("stale"));
        assertEquals(0, liveCount(account));
        assertEquals(null, inMemory(account, card));
    }

    @Test
    void batchAnOlderActiveUpsertDoesNotLiftANewerBlock() {
        String account = account();
        String card = Cards.random();
        String charger = chargerOf(account);
        Api.batch(SYNC, List.of(at(ownFleet(account, card), T0), at(ownFleet(account, card).status("blocked"), T2)))
                .statusCode(200).body("results.status", equalTo(List.of("created", "updated")));
        long seq = changeSeq(account, card);

        Api.batch(SYNC, List.of(at(ownFleet(account, card).status("active"), T1))).statusCode(200)
                .body("results[0].status", equalTo("stale"));

        assertEquals(seq, changeSeq(account, card));
        assertEquals(IdentifierStatus.BLOCKED, inMemory(account, card).status());
        Api.authorise(charger, card, null).statusCode(200).body("reason", equalTo("blocked_identifier"));
        Api.as(Tokens.machine("access-viewer", "identifier-sync")).get("/api/v1/identifiers?accountId=" + account).then().statusCode(200)
                .body("items[0].status", equalTo("blocked")).body("items[0].changedAt", equalTo(T2.toString()));
    }

    @Test
    void batchARedeliveredItemChangesNothing() {
        String account = account();
        String card = Cards.random();
        Map<String, Object> item = at(ownFleet(account, card), T1);
        Api.batch(SYNC, List.of(item)).statusCode(200).body("results[0].status", equalTo("created"));
        long seq = changeSeq(account, card);

        Api.batch(SYNC, List.of(item, item)).statusCode(200).body("results.status", equalTo(List.of("stale", "stale")));

        assertEquals(seq, changeSeq(account, card), "no second change_seq");
        assertEquals(0, Database.count("SELECT count(*) FROM identifier WHERE account_id = ? AND change_seq > ?", account, seq));
        assertEquals(IdentifierStatus.ACTIVE, inMemory(account, card).status());
    }

    @Test
    void batchItemsWithoutChangedAtKeepLastWriterWins() {
        String account = account();
        String card = Cards.random();
        Api.batch(SYNC, List.of(ownFleet(account, card).map(), ownFleet(account, card).status("blocked").map()))
                .statusCode(200).body("results.status", equalTo(List.of("created", "updated")));
        Api.batch(SYNC, List.of(ownFleet(account, card).map())).statusCode(200)
                .body("results[0].status", equalTo("updated"));
        // changed (Manage Core's clock) before the undated write above was applied
        Api.batch(SYNC, List.of(at(ownFleet(account, card).status("blocked"), T0))).statusCode(200)
                .body("results[0].status", equalTo("stale"));
        assertEquals(IdentifierStatus.ACTIVE, inMemory(account, card).status());
    }

    @Test
    void batchRejectsAChangedAtThatIsNoInstantWithOffset() {
        String account = account();
        Api.batch(SYNC, List.of(ownFleet(account, Cards.random()).with("changedAt", "2030-03-04T09:00:00").map(),
                delete(account, Cards.random()).with("changedAt", "1969-12-31T23:59:59Z").map(),
                ownFleet(account, Cards.random()).with("changedAt", 1_900_000_000).map()))
                .statusCode(200)
                .body("results.status", equalTo(List.of("rejected", "rejected", "rejected")))
                .body("results.problem.errors.field", equalTo(List.of(List.of("changedAt"), List.of("changedAt"),
                        List.of("changedAt"))));
        assertEquals(0, liveCount(account));
    }

    // --- AMQP identifier feed ---

    @Test
    void feedAnOlderUpsertAfterADeleteIsStaleAndTheIdentifierStaysDeleted() {
        String account = account();
        String card = Cards.random();
        String charger = chargerOf(account);
        Broker.publishIdentifier(json(ownFleet(account, card), T0));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inMemory(account, card) != null);
        Broker.publishIdentifier(json(delete(account, card).type("ISO14443"), T2));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> deleted(account, card) && inMemory(account, card) == null);
        long seq = changeSeq(account, card);
        double stale = feedCount("stale");

        Broker.publishIdentifier(json(ownFleet(account, card), T1));
        awaitFeedCount("stale", stale + 1);

        assertTrue(deleted(account, card));
        assertEquals(seq, changeSeq(account, card));
        assertEquals(null, inMemory(account, card));
        Api.authorise(charger, card, null).statusCode(200).body("reason", equalTo("unknown_identifier"));
    }

    @Test
    void feedAReorderedUpsertAfterADeleteOfSomethingNeverRegisteredStaysAway() {
        String account = account();
        String card = Cards.random();
        double notFound = feedCount("not_found");
        double stale = feedCount("stale");
        Broker.publishIdentifier(json(delete(account, card).type("ISO14443"), T2));
        awaitFeedCount("not_found", notFound + 1);
        Broker.publishIdentifier(json(ownFleet(account, card), T1));
        awaitFeedCount("stale", stale + 1);
        assertEquals(0, liveCount(account));
        assertEquals(null, inMemory(account, card));
    }

    @Test
    void feedAnOlderActiveUpsertDoesNotLiftANewerBlock() {
        String account = account();
        String card = Cards.random();
        String charger = chargerOf(account);
        Broker.publishIdentifier(json(ownFleet(account, card), T0));
        Broker.publishIdentifier(json(ownFleet(account, card).status("blocked"), T2));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            RegisteredIdentifier e = inMemory(account, card);
            return e != null && e.status() == IdentifierStatus.BLOCKED;
        });
        long seq = changeSeq(account, card);
        double stale = feedCount("stale");

        Broker.publishIdentifier(json(ownFleet(account, card).status("active"), T1));
        awaitFeedCount("stale", stale + 1);

        assertEquals(seq, changeSeq(account, card));
        assertEquals(IdentifierStatus.BLOCKED, inMemory(account, card).status());
        Api.authorise(charger, card, null).statusCode(200).body("reason", equalTo("blocked_identifier"));
    }

    @Test
    void feedARedeliveredMessageChangesNothing() {
        String account = account();
        String card = Cards.random();
        String message = json(ownFleet(account, card).status("blocked"), T1);
        Broker.publishIdentifier(message);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> inMemory(account, card) != null);
        long seq = changeSeq(account, card);
        double stale = feedCount("stale");

        Broker.publishIdentifier(message);
        awaitFeedCount("stale", stale + 1);

        assertEquals(seq, changeSeq(account, card), "no second change_seq");
        assertEquals(0, Database.count("SELECT count(*) FROM identifier WHERE account_id = ? AND change_seq > ?", account, seq));
        assertEquals(IdentifierStatus.BLOCKED, inMemory(account, card).status());
    }
}
