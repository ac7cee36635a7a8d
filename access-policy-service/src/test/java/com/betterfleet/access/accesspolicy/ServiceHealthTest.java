package com.betterfleet.access.accesspolicy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.local.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "access_policy"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class ServiceHealthTest {
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void reportsReadyOnceItsDatabaseIsMigrated() {
        given().get(readiness)
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesMetricsOnTheManagementPortWithoutAToken() {
        given().get(metrics).then().statusCode(200)
                .body(containsString("access_policy_outbox_backlog"))
                .body(containsString("access_policy_outbox_oldest_age_seconds"));
    }
}
