package com.betterfleet.access.decisionlog.query;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Api;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Events.DecisionEvent;
import com.betterfleet.access.decisionlog.support.Scenario;
import com.betterfleet.access.decisionlog.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /api/v1/access-decisions and /summary against records that came through the broker. */
@QuarkusTest
class AccessDecisionQueryTest {
    /** A fixed hour in the current month, so that every record lands in an existing partition. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    @Test
    void walksEveryPageNewestFirstWithoutDuplicatesOrGaps() {
        String account = Scenario.newAccount();
        List<DecisionEvent> decisions = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // pairs share a timestamp: the decision id breaks the tie
            decisions.add(Events.decision().account(account).charger(i % 2 == 0 ? "CP-A1" : "CP-A2")
                    .at(BASE.plusSeconds(i / 2)));
        }
        store(decisions);

        List<JsonPath> pages = Api.allPages(Tokens.viewerOf(account), Api.DECISIONS, Map.of("limit", 5));

        List<String> seen = new ArrayList<>();
        pages.forEach(page -> seen.addAll(page.getList("items.decisionId")));
        List<String> expected = decisions.stream()
                .sorted(Comparator.comparing((DecisionEvent d) -> Instant.parse(d.occurredAt()))
                        .thenComparing((DecisionEvent d) -> d.decisionId()).reversed())
                .map(DecisionEvent::decisionId).toList();
        assertEquals(5, pages.size());
        assertEquals(expected, seen);
        assertNull(pages.get(4).getString("nextCursor"));
    }

    @Test
    void usesFiftyAsTheDefaultPageSize() {
        String account = Scenario.newAccount();
        List<DecisionEvent> decisions = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            decisions.add(Events.decision().account(account).at(BASE.plusMillis(i)));
        }
        store(decisions);

        Api.get(Tokens.viewerOf(account), Api.DECISIONS, Map.of()).then().statusCode(200)
                .body("items", hasSize(50)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void filtersByChargerDepotDecisionReasonAndTimeRange() {
        String account = Scenario.newAccount();
        DecisionEvent early = Events.decision().account(account).charger("CP-F1").depot("depot-north").at(BASE);
        DecisionEvent deniedUnknown = Events.decision().account(account).charger("CP-F1").depot("depot-north")
                .denied("unknown_identifier", "Invalid").at(BASE.plusSeconds(60));
        DecisionEvent freevend = Events.decision().account(account).charger("CP-F2").depot("depot-south")
                .allowed("freevend").at(BASE.plusSeconds(120));
        DecisionEvent blocked = Events.decision().account(account).charger("CP-F2").depot("depot-south")
                .denied("blocked_identifier", "Blocked").at(BASE.plusSeconds(180));
        store(List.of(early, deniedUnknown, freevend, blocked));
        String token = Tokens.viewerOf(account);

        ids(token, Map.of("chargerId", "CP-F1"), contains(deniedUnknown.decisionId(), early.decisionId()));
        ids(token, Map.of("depotId", "depot-south"), contains(blocked.decisionId(), freevend.decisionId()));
        ids(token, Map.of("decision", "denied"), contains(blocked.decisionId(), deniedUnknown.decisionId()));
        ids(token, Map.of("reason", "freevend"), contains(freevend.decisionId()));
        ids(token, Map.of("from", BASE.plusSeconds(60).toString(), "to", BASE.plusSeconds(180).toString()),
                contains(freevend.decisionId(), deniedUnknown.decisionId()));
        ids(token, Map.of("chargerId", "CP-F2", "decision", "allowed"), contains(freevend.decisionId()));
        ids(token, Map.of("chargerId", "CP-F1", "reason", "freevend"), empty());
    }

    @Test
    void returnsTheRecordOfDecisionsMdSectionSix() {
        String account = Scenario.newAccount();
        DecisionEvent decision = Events.decision().account(account).charger("CP-R1").at(BASE)
                .idToken("04:a2:3f:9a", "ISO14443");
        store(List.of(decision));

        Api.get(Tokens.viewerOf(account), Api.DECISIONS, Map.of()).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].decisionId", equalTo(decision.decisionId()))
                .body("items[0].occurredAt", equalTo(BASE.toString()))
                .body("items[0].chargerId", equalTo("CP-R1"))
                .body("items[0].connectorId", equalTo(1))
                .body("items[0].accountId", equalTo(account))
                .body("items[0].depotId", equalTo("depot-1"))
                .body("items[0].protocol", equalTo("ocpp1.6"))
                .body("items[0].idMask", equalTo("RFID \u2022\u2022\u2022\u20223F9A"))
                .body("items[0].idTokenType", equalTo("ISO14443"))
                .body("items[0].accessClass", equalTo("own_fleet"))
                .body("items[0].vehicleId", equalTo("bus-12"))
                .body("items[0].decision", equalTo("allowed"))
                .body("items[0].protocolStatus", equalTo("Accepted"))
                .body("items[0].reason", equalTo("own_fleet"))
                .body("items[0].accessMode", equalTo("managed_access"))
                .body("items[0].policySource", equalTo("schedule"))
                .body("items[0].windowId", equalTo("weekday-days"))
                .body("items[0].policyVersion", equalTo(3))
                .body("nextCursor", nullValue());
    }

    @Test
    void findsTheDecisionsOfARawIdentifierByHashingItServerSide() {
        String account = Scenario.newAccount();
        DecisionEvent tagged1 = Events.decision().account(account).idToken("04:A2:3F:9A", "ISO14443").at(BASE);
        DecisionEvent tagged2 = Events.decision().account(account).idToken("04a23f9a", null).at(BASE.plusSeconds(1));
        DecisionEvent other = Events.decision().account(account).idToken("FLEET-BUS-0012", null).at(BASE.plusSeconds(2));
        store(List.of(tagged1, tagged2, other));
        String token = Tokens.viewerOf(account);

        ids(token, Map.of("idToken", "04A23F9A"), contains(tagged2.decisionId(), tagged1.decisionId()));
        ids(token, Map.of("idToken", "04-a2-3f-9a", "idTokenType", "ISO14443"),
                contains(tagged2.decisionId(), tagged1.decisionId()));
        ids(token, Map.of("idToken", " FLEET-BUS-0012 "), contains(other.decisionId()));
        ids(token, Map.of("idToken", "FLEET-BUS-0013"), empty());
    }

    @Test
    void countsDecisionsPerReasonChargerAndHour() {
        String account = Scenario.newAccount();
        List<DecisionEvent> decisions = List.of(
                Events.decision().account(account).charger("CP-S1").allowed("own_fleet").at(BASE.plusSeconds(10)),
                Events.decision().account(account).charger("CP-S1").allowed("own_fleet").at(BASE.plusSeconds(20)),
                Events.decision().account(account).charger("CP-S2").denied("unknown_identifier", "Invalid").at(BASE.plusSeconds(30)),
                Events.decision().account(account).charger("CP-S2").allowed("freevend").at(BASE.plusSeconds(3700)),
                Events.decision().account(account).charger("CP-S2").denied("unknown_identifier", "Invalid").at(BASE.plusSeconds(3800)));
        store(decisions);
        String token = Tokens.viewerOf(account);
        Map<String, String> range = Map.of("from", BASE.toString(), "to", BASE.plus(2, ChronoUnit.HOURS).toString());

        Api.get(token, Api.SUMMARY, merged(range, "groupBy", "reason")).then().statusCode(200)
                .body("total", equalTo(5)).body("truncated", equalTo(false)).body("groupBy", equalTo("reason"))
                .body("groups.key", contains("own_fleet", "unknown_identifier", "freevend"))
                .body("groups.total", contains(2, 2, 1))
                .body("groups.denied", contains(0, 2, 0));
        Api.get(token, Api.SUMMARY, merged(range, "groupBy", "charger")).then().statusCode(200)
                .body("groups.key", contains("CP-S2", "CP-S1"))
                .body("groups.allowed", contains(1, 2));
        Api.get(token, Api.SUMMARY, merged(range, "groupBy", "hour")).then().statusCode(200)
                .body("groups.key", contains(BASE.toString(), BASE.plus(1, ChronoUnit.HOURS).toString()))
                .body("groups.total", contains(3, 2));
        Api.get(token, Api.SUMMARY, merged(range, "reason", "freevend")).then().statusCode(200)
                .body("total", equalTo(1));
    }

    /**
     * 1,100 hours with decisions, 1,000 groups at most: a dashboard plotting the range wants the
     * latest hours, so the oldest 100 are the ones left out (and the rest stay oldest first).
     */
    @Test
    void anHourlySummaryOverMoreHoursThanItsGroupCapKeepsTheNewestHours() {
        String account = Scenario.newAccount();
        Instant firstHour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1_100, ChronoUnit.HOURS);
        List<DecisionEvent> decisions = new ArrayList<>();
        for (int hour = 0; hour < 1_100; hour++) {
            decisions.add(Events.decision().account(account).at(firstHour.plus(hour, ChronoUnit.HOURS).plusSeconds(90)));
        }
        for (int from = 0; from < decisions.size(); from += 100) {
            Scenario.publisher().publishBatch(AmqpTestPublisher.DECISIONS,
                    decisions.subList(from, from + 100).stream().map(DecisionEvent::json).toList());
        }
        Scenario.awaitStored(decisions.stream().map(DecisionEvent::decisionId).toList(), decisions.size());

        JsonPath summary = Api.get(Tokens.viewerOf(account), Api.SUMMARY, Map.of("groupBy", "hour",
                "from", firstHour.toString(), "to", firstHour.plus(1_100, ChronoUnit.HOURS).toString()))
                .then().statusCode(200).extract().jsonPath();

        List<String> keys = summary.getList("groups.key");
        assertEquals(1_100, summary.getInt("total"));
        assertEquals(true, summary.getBoolean("truncated"));
        assertEquals(1_000, keys.size());
        assertEquals(firstHour.plus(100, ChronoUnit.HOURS).toString(), keys.get(0));
        assertEquals(firstHour.plus(1_099, ChronoUnit.HOURS).toString(), keys.get(999));
        assertEquals(keys.stream().sorted().toList(), keys, "oldest first");
    }

    @Test
    void aMachineCallerSeesEveryAccountsDecisions() {
        String charger = Scenario.newCharger();
        DecisionEvent ofA = Events.decision().account(Scenario.newAccount()).charger(charger).at(BASE);
        DecisionEvent ofB = Events.decision().account(Scenario.newAccount()).charger(charger).at(BASE.plusSeconds(1));
        store(List.of(ofA, ofB));

        ids(Tokens.machineViewer(), Map.of("chargerId", charger), containsInAnyOrder(ofA.decisionId(), ofB.decisionId()));
        ids(Tokens.viewerOf("acc-nobody"), Map.of("chargerId", charger), empty());
    }

    @Test
    void aSummaryWithoutRangeCoversTheLastDay() {
        String account = Scenario.newAccount();
        store(List.of(Events.decision().account(account).at(Instant.now().minus(2, ChronoUnit.HOURS)),
                Events.decision().account(account).at(Instant.now().minus(30, ChronoUnit.HOURS))));

        Api.get(Tokens.viewerOf(account), Api.SUMMARY, Map.of()).then().statusCode(200)
                .body("total", equalTo(1)).body("groups", everyItem(org.hamcrest.Matchers.hasKey("key")));
    }

    private static void ids(String token, Map<String, ?> query, org.hamcrest.Matcher<? super List<String>> matcher) {
        Api.get(token, Api.DECISIONS, query).then().statusCode(200).body("items.decisionId", matcher);
    }

    private static Map<String, String> merged(Map<String, String> base, String key, String value) {
        Map<String, String> all = new java.util.HashMap<>(base);
        all.put(key, value);
        return all;
    }

    private static void store(List<DecisionEvent> decisions) {
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, decisions.stream().map(DecisionEvent::json).toList(),
                decisions.stream().map(DecisionEvent::decisionId).toList(), decisions.size());
    }
}
