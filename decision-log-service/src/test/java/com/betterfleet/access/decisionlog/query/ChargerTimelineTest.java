package com.betterfleet.access.decisionlog.query;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Api;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Events.DecisionEvent;
import com.betterfleet.access.decisionlog.support.Events.TimelineEvent;
import com.betterfleet.access.decisionlog.support.Scenario;
import com.betterfleet.access.decisionlog.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET /api/v1/chargers/{chargerId}/access-timeline: every record kind in one newest-first stream. */
@QuarkusTest
class ChargerTimelineTest {
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);

    @Test
    void mergesDecisionsAndModeEventsInTimeOrder() {
        String account = Scenario.newAccount();
        String charger = Scenario.newCharger();
        TimelineEvent modeChanged = Events.expectedModeChanged().account(account).charger(charger).at(BASE);
        TimelineEvent requested = Events.modeChange("requested").account(account).charger(charger).at(BASE.plusSeconds(1));
        DecisionEvent freevendTag = Events.decision().account(account).charger(charger)
                .denied("freevend_tag_in_managed_access", "Invalid").at(BASE.plusSeconds(2));
        TimelineEvent failed = Events.modeChange("failed").account(account).charger(charger).at(BASE.plusSeconds(3));
        DecisionEvent ownFleet = Events.decision().account(account).charger(charger).at(BASE.plusSeconds(4));
        publish(List.of(modeChanged), List.of(requested, failed), List.of(freevendTag, ownFleet));

        Api.get(Tokens.viewerOf(account), Api.timeline(charger), Map.of()).then().statusCode(200)
                .body("chargerId", equalTo(charger))
                .body("items.kind", contains("decision", "mode_change_failed", "decision", "mode_change_requested",
                        "expected_mode_changed"))
                .body("items.id", contains(ownFleet.decisionId(), failed.id(), freevendTag.decisionId(), requested.id(),
                        modeChanged.id()))
                .body("items[0].decision.reason", equalTo("own_fleet"))
                .body("items[1].data.items[0].status", equalTo("Rejected"))
                .body("items[2].decision.reason", equalTo("freevend_tag_in_managed_access"))
                .body("items[4].data.mode", equalTo("managed_access"))
                .body("items[4].occurredAt", equalTo(BASE.toString()))
                .body("nextCursor", nullValue());
    }

    @Test
    void narrowsToKindsAndTimeAndPagesThroughTheStream() {
        String account = Scenario.newAccount();
        String charger = Scenario.newCharger();
        List<TimelineEvent> modeEvents = new ArrayList<>();
        List<DecisionEvent> decisions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            modeEvents.add(Events.expectedModeChanged().account(account).charger(charger).at(BASE.plusSeconds(2L * i)));
            decisions.add(Events.decision().account(account).charger(charger).at(BASE.plusSeconds(2L * i + 1)));
        }
        publish(modeEvents, List.of(), decisions);
        String token = Tokens.viewerOf(account);

        Api.get(token, Api.timeline(charger), Map.of("kind", "expected_mode_changed")).then().statusCode(200)
                .body("items", hasSize(6)).body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("expected_mode_changed")));
        Api.get(token, Api.timeline(charger), Map.of("from", BASE.plusSeconds(3).toString(), "to", BASE.plusSeconds(6).toString()))
                .then().statusCode(200).body("items.id", contains(decisions.get(2).decisionId(), modeEvents.get(2).id(),
                        decisions.get(1).decisionId()));

        List<JsonPath> pages = Api.allPages(token, Api.timeline(charger), Map.of("limit", 5));
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> ids.addAll(page.getList("items.id")));
        List<String> expected = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            expected.add(decisions.get(i).decisionId());
            expected.add(modeEvents.get(i).id());
        }
        assertEquals(3, pages.size());
        assertEquals(expected, ids);
    }

    /** A type this version does not know is kept under its own kind, so the filter must name it too. */
    @Test
    void narrowsToAKindThisVersionDoesNotKnow() {
        String account = Scenario.newAccount();
        String charger = Scenario.newCharger();
        TimelineEvent tariff = Events.ofNewType("tariff_changed").account(account).charger(charger).at(BASE);
        TimelineEvent modeChanged = Events.expectedModeChanged().account(account).charger(charger).at(BASE.plusSeconds(1));
        DecisionEvent decision = Events.decision().account(account).charger(charger).at(BASE.plusSeconds(2));
        publish(List.of(tariff, modeChanged), List.of(), List.of(decision));
        String token = Tokens.viewerOf(account);

        Api.get(token, Api.timeline(charger), Map.of("kind", "tariff_changed")).then().statusCode(200)
                .body("items.id", contains(tariff.id()))
                .body("items[0].kind", equalTo("tariff_changed"))
                .body("items[0].data.note", equalTo("added by a later contract"));
        Api.get(token, Api.timeline(charger), Map.of("kind", "decision, tariff_changed")).then().statusCode(200)
                .body("items.id", contains(decision.decisionId(), tariff.id()));
        Api.get(token, Api.timeline(charger), Map.of("kind", "never_sent")).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void anotherAccountsChargerIsNotFound() {
        String accountB = Scenario.newAccount();
        String chargerOfB = Scenario.newCharger();
        publish(List.of(Events.expectedModeChanged().account(accountB).charger(chargerOfB)), List.of(),
                List.of(Events.decision().account(accountB).charger(chargerOfB)));

        Api.get(Tokens.viewerOf(Scenario.newAccount()), Api.timeline(chargerOfB), Map.of()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/charger-not-found"))
                .body("status", equalTo(404));
        Api.get(Tokens.viewerOf(accountB), Api.timeline(chargerOfB), Map.of()).then().statusCode(200)
                .body("items", hasSize(2));
        Api.get(Tokens.machineViewer(), Api.timeline(chargerOfB), Map.of()).then().statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void aChargerWithoutAnyRecordIsNotFound() {
        Api.get(Tokens.machineViewer(), Api.timeline(Scenario.newCharger()), Map.of()).then().statusCode(404)
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/charger-not-found"));
    }

    private static void publish(List<TimelineEvent> policyEvents, List<TimelineEvent> modeEvents, List<DecisionEvent> decisions) {
        List<String> ids = new ArrayList<>();
        if (!policyEvents.isEmpty()) {
            Scenario.publisher().publish(AmqpTestPublisher.POLICY, policyEvents.stream().map(TimelineEvent::json).toList());
            policyEvents.forEach(e -> ids.add(e.id()));
        }
        if (!modeEvents.isEmpty()) {
            Scenario.publisher().publish(AmqpTestPublisher.MODE_CHANGES, modeEvents.stream().map(TimelineEvent::json).toList());
            modeEvents.forEach(e -> ids.add(e.id()));
        }
        if (!decisions.isEmpty()) {
            Scenario.publisher().publish(AmqpTestPublisher.DECISIONS, decisions.stream().map(DecisionEvent::json).toList());
            decisions.forEach(e -> ids.add(e.decisionId()));
        }
        Scenario.awaitStored(ids, ids.size());
    }
}
