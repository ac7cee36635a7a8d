package com.betterfleet.access.authorisation.testsupport;

import com.betterfleet.access.local.testsupport.AmqpBrokerTestResource;
import com.betterfleet.access.local.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real infrastructure every {@code @QuarkusTest} of this module runs against: PostgreSQL
 * (database {@code authorisation}), an AMQP 1.0 broker with the messaging topology, and a WireMock
 * OIDC issuer that validates real signed tokens. Declared once; Quarkus applies them to all tests,
 * so the application starts once per test run.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "authorisation"))
@QuarkusTestResource(AmqpBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
