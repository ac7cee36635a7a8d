package com.betterfleet.access.authorisation.registry;

import static com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder.delete;
import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.capabilityChanged;
import static com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder.ownFleet;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Broker;
import com.betterfleet.access.authorisation.testsupport.ChargerStates;
import com.betterfleet.access.authorisation.testsupport.Database;
import com.betterfleet.access.authorisation.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** The identifier registry: batch API, the AMQP feed and the masked view. */
@QuarkusTest
class IdentifierRegistryTest {
    @Inject
    ReplicaState state;

    private static String token(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static String account() {
        return "acc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void batchReportsAResultPerItem() {
        String a = token("CARD");
        Api.batch(Tokens.machine("identifier-sync"), List.of(
                ownFleet("acc-A", a).type("Local").map(),
                ownFleet("acc-A", token("X")).type("Badge").map(),
                ownFleet("acc-A", a).type("Local").status("inactive").map(),
                delete("acc-A", token("NEVER")).map(),
                delete("acc-A", a).type("Local").map()))
                .statusCode(200)
                .body("results.status", equalTo(List.of("created", "rejected", "updated", "not_found", "deleted")))
                .body("results.index", equalTo(List.of(0, 1, 2, 3, 4)))
                .body("results[0].idMask", equalTo("Local ••••" + a.substring(a.length() - 4)))
                .body("results[1].problem.status", equalTo(400))
                .body("results[1].problem.type", startsWith("https://problems.betterfleet.example/charger-access/"))
                .body("results[1].problem.errors.field", equalTo(List.of("idTokenType")))
                .body("results[0].problem", nullValue());
    }

    @Test
    void humanAdminOnlyWritesItsOwnAccount() {
        Api.batch(Tokens.human("acc-A", "access-admin"), List.of(
                ownFleet("acc-A", token("MINE")).map(),
                ownFleet("acc-B", token("THEIRS")).map()))
                .statusCode(200)
                .body("results.status", equalTo(List.of("created", "rejected")))
                .body("results[1].problem.status", equalTo(403));
    }

    @Test
    void listShowsAMaskedPaginatedView() {
        String account = account();
        List<String> tokens = List.of(token("L"), token("L"), token("L"));
        Api.register(tokens.stream().map(t -> ownFleet(account, t).map()).toList());

        var first = Api.as(Tokens.machine("access-viewer", "identifier-sync")).get("/api/v1/identifiers?accountId=" + account + "&limit=2")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", not(nullValue()))
                .body("items.idMask", everyItem(startsWith("RFID ••••")))
                .body("items.accountId", everyItem(equalTo(account))).extract();
        String cursor = first.path("nextCursor");
        Api.as(Tokens.machine("access-viewer", "identifier-sync"))
                .get("/api/v1/identifiers?accountId=" + account + "&limit=2&cursor=" + cursor)
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        String page = Api.as(Tokens.machine("access-viewer", "identifier-sync")).get("/api/v1/identifiers?accountId=" + account)
                .then().extract().asString();
        tokens.forEach(t -> org.junit.jupiter.api.Assertions.assertFalse(page.contains(t), "no raw token in the view"));
    }

    @Test
    void humanViewerSeesOnlyItsOwnAccount() {
        String mine = account();
        String theirs = account();
        Api.register(List.of(ownFleet(mine, token("V")).map(), ownFleet(theirs, token("V")).map()));
        Api.as(Tokens.human(mine, "access-viewer")).get("/api/v1/identifiers?limit=500").then().statusCode(200)
                .body("items.accountId", everyItem(equalTo(mine))).body("items", hasSize(1));
        Api.as(Tokens.human(mine, "access-viewer")).get("/api/v1/identifiers?accountId=" + theirs).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(Tokens.machine("access-viewer", "identifier-sync")).get("/api/v1/identifiers?limit=500&accountId=" + theirs).then()
                .statusCode(200).body("items.accountId", hasItems(theirs));
    }

    /** A charger known to belong to {@code account}: identifiers count only at their own account's chargers. */
    private String chargerOf(String account, String prefix) {
        String charger = prefix + account;
        ChargerStates.publishAndAwait(state, charger, capabilityChanged(charger, account, "ocpp1.6", null).json(),
                s -> account.equals(s.accountId()));
        return charger;
    }

    @Test
    void feedMessagesRegisterIdentifiersAndBadOnesDoNotBlockTheFeed() {
        String account = account();
        String good = token("FEED");
        Broker.publishIdentifier("{not json");
        Broker.publishIdentifier(ownFleet(account, token("BAD")).type("Badge").json());
        Broker.publishIdentifier(IdentifierItemBuilder.ownFleet(account, good).type("Local").json());
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Database.count("SELECT count(*) FROM identifier WHERE account_id = ? AND NOT deleted", account) == 1);
        String charger = chargerOf(account, "CP-FEED-");
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> Api.authorise(charger, good, null)
                .statusCode(200).body("reason", equalTo("own_fleet")));
    }

    @Test
    void deletedIdentifierIsNoLongerAccepted() {
        String account = account();
        String card = token("DEL");
        String charger = chargerOf(account, "CP-DEL-");
        Api.register(List.of(ownFleet(account, card).type("Local").map()));
        Api.authorise(charger, card, null).statusCode(200).body("reason", equalTo("own_fleet"));
        Api.register(List.of(delete(account, card).type("Local").map()));
        Api.authorise(charger, card, null).statusCode(200).body("reason", equalTo("unknown_identifier"));
    }
}
