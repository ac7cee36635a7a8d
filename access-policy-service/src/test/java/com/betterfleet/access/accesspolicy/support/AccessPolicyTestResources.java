package com.betterfleet.access.accesspolicy.support;

import com.betterfleet.access.local.testsupport.AmqpBrokerTestResource;
import com.betterfleet.access.local.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real infrastructure every {@code @QuarkusTest} of this module runs against, declared once
 * (test resources are global, so all test classes share one application start): PostgreSQL
 * (database access_policy), the AMQP 1.0 broker and a token issuer with real signatures.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = AccessPolicyTestResources.DATABASE))
@QuarkusTestResource(AmqpBrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class AccessPolicyTestResources {
    public static final String DATABASE = "access_policy";

    private AccessPolicyTestResources() {
    }
}
