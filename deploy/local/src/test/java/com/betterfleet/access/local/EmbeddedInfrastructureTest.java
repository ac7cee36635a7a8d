package com.betterfleet.access.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

    @Test
    void postgresServesItsOwnDatabasePerService() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(null)) {
            pg.createDatabase("svc_a");
            pg.createDatabase("svc_a");
            try (Connection c = pg.connect("svc_a"); ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                assertTrue(rs.next());
                assertEquals("svc_a", rs.getString(1));
            }
        }
    }

    @Test
    void brokerRestartsOnTheSamePortWithItsQueues(@TempDir Path dir) {
        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.onFreePort(dir).start()) {
            int port = broker.port();
            assertEquals(0, broker.messageCount(MessagingTopology.DECISION_EVENTS, "decision-log.decisions"));
            broker.stop();
            assertFalse(broker.isRunning());
            broker.start();
            assertEquals(port, broker.port());
            assertTrue(broker.isRunning());
        }
    }

    @Test
    void issuerPublishesDiscoveryAndSignsTokens() throws Exception {
        try (LocalTokenIssuer issuer = LocalTokenIssuer.start()) {
            HttpResponse<String> discovery = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(issuer.issuer() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, discovery.statusCode());
            assertTrue(discovery.body().contains(issuer.issuer()));
            String token = issuer.userToken("alice", "acc-1", List.of("access-viewer"));
            assertEquals(3, token.split("\\.").length);
        }
    }
}
