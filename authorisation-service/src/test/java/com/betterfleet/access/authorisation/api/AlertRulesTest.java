package com.betterfleet.access.authorisation.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.local.testsupport.AlertRules;

import io.quarkus.test.junit.QuarkusTest;

/** Every metric deploy/k8s/monitoring/alerts.yaml names for this service is one it exports. */
@QuarkusTest
class AlertRulesTest {

    @Test
    void theAlertRulesNameOnlyMetricsThisServiceExports() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        String exposition = given().port(port).get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(AlertRules.metricsStartingWith("authorisation_").contains("authorisation_outbox_backlog"));
        assertEquals(Set.of(), AlertRules.notExported(exposition, "authorisation_", "jvm_memory_"),
                "named by the alert rules, not exported");
    }
}
