package com.betterfleet.access.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.local.ServiceProcess;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * access-policy-service and authorisation-service as packaged, on the real broker: the moment a
 * managed period begins, authorisation denies an unknown tag it accepted a moment before.
 */
class ScheduleReachesAuthorisationSystemTest {
    private static final String ACCOUNT = "acc-schedule";
    private static ChargerAccessSystem system;
    private static ServiceProcess accessPolicy;
    private static ServiceProcess authorisation;

    @BeforeAll
    static void startSystem() throws Exception {
        system = new ChargerAccessSystem("schedule-to-authorisation");
        authorisation = system.authorisation("authorisation");
        accessPolicy = system.accessPolicy();
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void managedPeriodBeginsAndUnknownTagIsDeniedWithinTwoSeconds() {
        String charger = "CP-SCHEDULE";
        // Managed access by default; a freevend override ends a few seconds from now: that is the boundary.
        Instant boundary = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        given().baseUri(accessPolicy.httpUrl()).auth().oauth2(system.adminToken(ACCOUNT))
                .contentType(ContentType.JSON)
                .body(Map.of("accountId", ACCOUNT, "depotId", "depot-1", "timeZone", "Europe/London",
                        "defaultMode", "managed_access", "windows", List.of(),
                        "override", Map.of("mode", "freevend", "until", boundary.toString(), "reason", "system test")))
                .put("/api/v1/chargers/" + charger + "/access-policy")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(100)).untilAsserted(
                () -> assertEquals("freevend", authorise(charger).path("reason")));
        assertTrue(Instant.now().isBefore(boundary), "the freevend period was seen before it ended");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> "unknown_identifier".equals(authorise(charger).path("reason")));
        Duration lag = Duration.between(boundary, Instant.now());
        assertTrue(lag.compareTo(Duration.ofSeconds(2)) <= 0, "denied " + lag.toMillis() + " ms after the boundary");
        Response denied = authorise(charger);
        assertEquals("Invalid", denied.path("status"));
        assertEquals("managed_access", denied.path("accessMode"));
    }

    private static Response authorise(String charger) {
        return given().baseUri(authorisation.httpUrl()).auth().oauth2(system.authoriserToken())
                .contentType(ContentType.JSON)
                .body(Map.of("chargerId", charger, "idToken", "DEADBEEF", "protocol", "ocpp1.6"))
                .post("/api/v1/authorise");
    }
}
