package com.betterfleet.access.decisionlog.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Api;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;
import com.betterfleet.access.decisionlog.support.Tokens;
import com.betterfleet.access.local.testsupport.AlertRules;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric deploy/k8s/monitoring/alerts.yaml names for this service is one it exports. Some
 * appear only once there is something to count, so the test first causes each: a message that is
 * not JSON (rejected), a decision with a reason this version does not know, and a query.
 */
@QuarkusTest
class AlertRulesTest {
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void theAlertRulesNameOnlyMetricsThisServiceExports() {
        Events.DecisionEvent unknownReason = Events.decision().charger(Scenario.newCharger()).with("reason", "tariff_exceeded");
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of("not json at all", unknownReason.json()),
                List.of(unknownReason.decisionId()), 1);
        Api.get(Tokens.machineViewer(), Api.DECISIONS, java.util.Map.of()).then().statusCode(200);
        Awaitility.await().atMost(Scenario.STORE_TIMEOUT).untilAsserted(() -> assertEquals(Set.of(),
                AlertRules.notExported(given().get(metrics).then().statusCode(200).extract().asString(),
                        "decision_log_", "http_server_requests_"),
                "named by the alert rules, not exported"));
    }
}
