package com.betterfleet.access.authorisation.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

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
        Set<String> exported = AlertRules.exported(given().port(port).get("/q/metrics").then().statusCode(200)
                .extract().asString());
        Set<String> named = AlertRules.metricsStartingWith("authorisation_");
        named.addAll(AlertRules.metricsStartingWith("jvm_memory_"));
        assertTrue(named.contains("authorisation_outbox_backlog"), named.toString());
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(exported);
        assertEquals(Set.of(), missing, "named by the alert rules, not exported");
    }
}
