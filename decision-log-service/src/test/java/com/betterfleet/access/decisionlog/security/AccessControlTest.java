package com.betterfleet.access.decisionlog.security;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Api;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;
import com.betterfleet.access.decisionlog.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Who may read what: 401 without a valid token, 403 without the role or a scope, 404 across accounts. */
@QuarkusTest
class AccessControlTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE = "https://problems.betterfleet.example/charger-access/";

    static Stream<String> endpoints() {
        return Stream.of(Api.DECISIONS, Api.SUMMARY, Api.timeline("CP-1"));
    }

    static Stream<Arguments> invalidTokens() {
        return endpoints().flatMap(path -> Stream.of(
                Arguments.of(path, "none", null),
                Arguments.of(path, "not a JWT", "not-a-jwt"),
                Arguments.of(path, "expired", Tokens.expired()),
                Arguments.of(path, "foreign issuer", Tokens.foreignIssuer())));
    }

    @ParameterizedTest(name = "{0} with {1} token -> 401")
    @MethodSource("invalidTokens")
    void refusesRequestsWithoutAValidToken(String path, String description, String token) {
        Api.get(token, path, Map.of()).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(TYPE + "unauthorized")).body("status", equalTo(401));
    }

    static Stream<Arguments> tokensWithoutTheRightToRead() {
        return endpoints().flatMap(path -> Stream.of(
                Arguments.of(path, "admin without viewer", Tokens.human("acc-A", "access-admin"), "forbidden"),
                Arguments.of(path, "machine authoriser without viewer", Tokens.machine("access-authoriser"), "forbidden"),
                Arguments.of(path, "viewer without account and machine role", Tokens.machine("access-viewer"),
                        "account-scope-required")));
    }

    @ParameterizedTest(name = "{0} as {1} -> 403")
    @MethodSource("tokensWithoutTheRightToRead")
    void refusesTokensWithoutTheRightToRead(String path, String description, String token, String slug) {
        Api.get(token, path, Map.of()).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(TYPE + slug)).body("status", equalTo(403));
    }

    @Test
    void aViewerOfAccountASeesNoneOfAccountBsDecisions() {
        String accountA = Scenario.newAccount();
        String accountB = Scenario.newAccount();
        String chargerOfB = Scenario.newCharger();
        Events.DecisionEvent ofA = Events.decision().account(accountA).charger(Scenario.newCharger());
        Events.DecisionEvent ofB = Events.decision().account(accountB).charger(chargerOfB).idToken("04A23F9A", null);
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(ofA.json(), ofB.json()),
                List.of(ofA.decisionId(), ofB.decisionId()), 2);
        String viewerOfA = Tokens.viewerOf(accountA);

        Api.get(viewerOfA, Api.DECISIONS, Map.of()).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].decisionId", equalTo(ofA.decisionId()));
        Api.get(viewerOfA, Api.DECISIONS, Map.of("chargerId", chargerOfB)).then().statusCode(200).body("items", empty());
        Api.get(viewerOfA, Api.DECISIONS, Map.of("idToken", "04A23F9A", "chargerId", chargerOfB)).then().statusCode(200)
                .body("items", empty());
        Api.get(viewerOfA, Api.SUMMARY, Map.of("chargerId", chargerOfB)).then().statusCode(200).body("total", equalTo(0));
        Api.get(viewerOfA, Api.timeline(chargerOfB), Map.of()).then().statusCode(404).contentType(PROBLEM);
    }
}
