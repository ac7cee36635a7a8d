package com.betterfleet.access.decisionlog.support;

import com.betterfleet.access.local.testsupport.AmqpBrokerTestResource;
import com.betterfleet.access.local.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real infrastructure every {@code @QuarkusTest} of this module runs against, declared once:
 * PostgreSQL (database decision_log), the AMQP 1.0 broker, a token issuer with real signatures,
 * and a backlog of decisions published before the application starts consuming.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "decision_log"))
@QuarkusTestResource(AmqpBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(BacklogPublisherResource.class)
public final class DecisionLogTestResources {
    /** The pepper of the %test profile (application.properties). */
    public static final String PEPPER = "test-only-pepper-not-secret";
    public static final String DATABASE = "decision_log";

    private DecisionLogTestResources() {
    }
}
