package com.betterfleet.access.accesspolicy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.local.testsupport.AlertRules;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every metric deploy/k8s/monitoring/alerts.yaml names for this service is one it exports. */
@QuarkusTest
class AlertRulesTest {
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void theAlertRulesNameOnlyMetricsThisServiceExports() {
        String exposition = given().get(metrics).then().statusCode(200).extract().asString();
        assertEquals(Set.of(), AlertRules.notExported(exposition, "access_policy_"), "named by the alert rules, not exported");
    }
}
