package com.betterfleet.access.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceEnvironmentTest {

    @Test
    void pointsOneServiceAtItsDatabaseTheBrokerAndTheIssuer(@TempDir Path brokerDir) {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(null);
                EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.onFreePort(brokerDir)) {
            Map<String, String> env = ServiceEnvironment.of(pg, "authorisation", broker,
                    "http://127.0.0.1:1/realms/charger-access", "pepper", 8081, 9001);

            assertEquals("postgresql://127.0.0.1:" + pg.port() + "/authorisation", env.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
            assertEquals("jdbc:postgresql://127.0.0.1:" + pg.port() + "/authorisation", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("postgres", env.get("QUARKUS_DATASOURCE_USERNAME"));
            assertEquals("127.0.0.1", env.get("AMQP_HOST"));
            assertEquals(Integer.toString(broker.port()), env.get("AMQP_PORT"));
            assertEquals("8081", env.get("QUARKUS_HTTP_PORT"));
            assertEquals("127.0.0.1", env.get("QUARKUS_MANAGEMENT_HOST"));
            assertEquals("9001", env.get("QUARKUS_MANAGEMENT_PORT"));
            assertEquals("http://127.0.0.1:1/realms/charger-access", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
            assertEquals("pepper", env.get("ACCESS_ID_PEPPER"));

            Map<String, String> policy = ServiceEnvironment.onFreePorts(pg, "access_policy", broker, "http://i", null);
            assertFalse(policy.containsKey("ACCESS_ID_PEPPER"), "only the services that hash identifiers get the pepper");
            assertNotEquals(policy.get("QUARKUS_HTTP_PORT"), policy.get("QUARKUS_MANAGEMENT_PORT"));
        }
    }
}
