package com.betterfleet.access.decisionlog.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Scenario;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the OpenAPI document on the management port, without a token. */
@QuarkusTest
class OperationsEndpointsTest {
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openapi;

    @Test
    void isReadyWhenTheDatabaseAndEveryChannelAre() {
        given().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "SmallRye Reactive Messaging - readiness check"))
                .body(containsString("decisions")).body(containsString("policy")).body(containsString("mode-changes"));
    }

    @Test
    void countsStoredRecordsAndDuplicatesByKind() {
        Events.DecisionEvent decision = Events.decision().charger(Scenario.newCharger());
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(decision.json()), List.of(decision.decisionId()), 1);

        given().get(metrics).then().statusCode(200)
                .body(containsString("decision_log_records_stored_total{kind=\"decision\""))
                .body(containsString("decision_log_partitions_months_ahead"))
                .body(containsString("decision_log_consumer_in_flight"));
    }

    @Test
    void documentsEveryEndpointWithItsErrors() {
        given().accept("application/json").get(openapi).then().statusCode(200)
                .body("paths.'/api/v1/access-decisions'.get.summary", containsString("Search access decisions"))
                .body("paths.'/api/v1/access-decisions/summary'.get.responses.keySet()", hasItems("200", "400", "401", "403"))
                .body("paths.'/api/v1/chargers/{chargerId}/access-timeline'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404"));
    }
}
