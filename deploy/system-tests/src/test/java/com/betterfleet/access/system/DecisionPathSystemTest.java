package com.betterfleet.access.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.local.ServiceProcess;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The decision path across processes: two authorisation-service replicas and decision-log-service,
 * as packaged, on one real PostgreSQL and one real AMQP broker, with real signed tokens.
 */
class DecisionPathSystemTest {
    private static final String ACCOUNT = "acc-system";
    private static ChargerAccessSystem system;
    private static ServiceProcess replicaA;
    private static ServiceProcess replicaB;
    private static ServiceProcess decisionLog;

    @BeforeAll
    static void startSystem() throws Exception {
        system = new ChargerAccessSystem("decision-path");
        replicaA = system.authorisation("authorisation-a");
        replicaB = system.authorisation("authorisation-b");
        decisionLog = system.decisionLog();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyReplicaSeesIdentifierAndPolicyChangesWithinTwoSeconds() throws Exception {
        String charger = "CP-REPLICAS";
        try (PolicyEventPublisher policies = new PolicyEventPublisher(system.broker)) {
            policies.constantMode(ACCOUNT, charger, 1, "managed_access");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertEquals("unknown_identifier", authorise(replicaA, charger, "0A0B0C0D").path("reason"));
                assertEquals("unknown_identifier", authorise(replicaB, charger, "0A0B0C0D").path("reason"));
            });

            upsertOwnFleet(replicaA, "0A0B0C0D");
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(
                    () -> assertEquals("own_fleet", authorise(replicaB, charger, "0A0B0C0D").path("reason")));

            policies.constantMode(ACCOUNT, charger, 2, "freevend");
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertEquals("freevend", authorise(replicaA, charger, "FFEEDDCC").path("reason"));
                assertEquals("freevend", authorise(replicaB, charger, "FFEEDDCC").path("reason"));
            });
        }
    }

    @Test
    void decisionsMadeWhileTheLogIsDownAllArriveOnceWhenItReturns() throws Exception {
        String charger = "CP-LOG-DOWN";
        List<String> probes = managedCharger(charger);
        decisionLog.stop();
        List<String> answered;
        try {
            answered = authoriseMany(charger, 500, 8);
        } finally {
            decisionLog.start();
        }
        assertEquals(500, new HashSet<>(answered).size());
        Set<String> expected = new HashSet<>(answered);
        expected.addAll(probes);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> loggedDecisionIds(charger).size() >= expected.size());
        List<String> logged = loggedDecisionIds(charger);
        assertEquals(expected.size(), logged.size(), "each decision exactly once");
        assertEquals(expected, new HashSet<>(logged));
    }

    @Test
    void brokerDownForTenSecondsLosesNoAnsweredDecision() throws Exception {
        String charger = "CP-BROKER-DOWN";
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>(managedCharger(charger));
        AtomicInteger answeredWhileDown = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService traffic = Executors.newSingleThreadExecutor();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Future<?> load = traffic.submit(() -> {
            for (int i = 0; i < 4_000 && System.nanoTime() < deadline; i++) {
                boolean brokerDown = !system.broker.isRunning();
                Response response = authorise(replicaA, charger, String.format("%08X", i));
                if (response.statusCode() == 200) {
                    answered.add(response.path("decisionId"));
                    if (brokerDown) {
                        answeredWhileDown.incrementAndGet();
                    }
                } else {
                    failed.incrementAndGet();
                }
                sleep(5);
            }
        });
        sleep(3_000);
        system.broker.stop();
        sleep(10_000);
        system.broker.start();
        load.get();
        traffic.shutdown();

        // Documented behaviour: Authorize keeps answering from memory while the broker is down;
        // the decisions wait in the outbox.
        assertTrue(answeredWhileDown.get() > 0, "Authorize answered while the broker was down");
        assertEquals(0, failed.get(), "no Authorize request failed");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> loggedDecisionIds(charger).size() >= answered.size());
        List<String> logged = loggedDecisionIds(charger);
        assertEquals(answered.size(), logged.size(), "each answered decision exactly once");
        assertEquals(new HashSet<>(answered), new HashSet<>(logged));
    }

    /** Puts the charger in managed access; returns the decisions its probes made (they are logged too). */
    private static List<String> managedCharger(String charger) throws Exception {
        try (PolicyEventPublisher policies = new PolicyEventPublisher(system.broker)) {
            policies.constantMode(ACCOUNT, charger, 1, "managed_access");
        }
        List<String> probes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Response probe = authorise(replicaA, charger, "00000000");
            if (probe.statusCode() == 200) {
                probes.add(probe.path("decisionId"));
            }
            assertEquals("managed_access", probe.path("accessMode"));
        });
        return probes;
    }

    private static List<String> authoriseMany(String charger, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String tag = String.format("%08X", 0x10000 + i);
                ServiceProcess replica = i % 2 == 0 ? replicaA : replicaB;
                calls.add(pool.submit(() -> {
                    Response response = authorise(replica, charger, tag);
                    assertEquals(200, response.statusCode(), response.asString());
                    return response.path("decisionId");
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> call : calls) {
                ids.add(call.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response authorise(ServiceProcess replica, String charger, String idTag) {
        return given().baseUri(replica.httpUrl()).auth().oauth2(system.authoriserToken())
                .contentType(ContentType.JSON)
                .body(Map.of("chargerId", charger, "idToken", idTag, "protocol", "ocpp1.6"))
                .post("/api/v1/authorise");
    }

    private static void upsertOwnFleet(ServiceProcess replica, String idTag) {
        given().baseUri(replica.httpUrl()).auth().oauth2(system.identifierSyncToken())
                .contentType(ContentType.JSON)
                .body(List.of(Map.of("op", "upsert", "accountId", ACCOUNT, "idToken", idTag,
                        "idTokenType", "ISO14443", "accessClass", "own_fleet", "vehicleId", "bus-7",
                        "status", "active")))
                .post("/api/v1/identifiers:batch")
                .then().statusCode(200);
    }

    /** Every decision id the log holds for one charger, walking all pages of the keyset cursor. */
    private static List<String> loggedDecisionIds(String charger) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var request = given().baseUri(decisionLog.httpUrl()).auth().oauth2(system.viewerToken(ACCOUNT))
                    .queryParam("chargerId", charger).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get("/api/v1/access-decisions");
            if (response.statusCode() != 200) {
                return ids;
            }
            ids.addAll(response.jsonPath().getList("items.decisionId", String.class));
            cursor = response.path("nextCursor");
            if (cursor == null) {
                return ids;
            }
        }
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
