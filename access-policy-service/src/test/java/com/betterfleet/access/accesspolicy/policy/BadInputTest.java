package com.betterfleet.access.accesspolicy.policy;

import static com.betterfleet.access.accesspolicy.support.Api.as;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.Window.window;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.londonWeekdaysManaged;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.policyOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.PolicyBody;
import com.betterfleet.access.accesspolicy.support.Tokens;
import com.betterfleet.access.local.testsupport.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Bad input is a 4xx problem naming what is wrong, never a 500. */
@QuarkusTest
class BadInputTest {
    private static final String ACCOUNT = "acc-bad-input";
    private static final String ADMIN = Tokens.adminOf(ACCOUNT);
    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "https://problems.betterfleet.example/charger-access/validation-failed";

    private static ValidatableResponse put(PolicyBody body) {
        return Api.putPolicy(ADMIN, Api.newChargerId("bad"), body);
    }

    private static void refused(PolicyBody body, String field) {
        put(body).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem(field));
    }

    private static void refusedJson(String json, String field) {
        as(ADMIN).contentType(ContentType.JSON).body(json).put(Api.BASE + Api.newChargerId("bad") + "/access-policy")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem(field));
    }

    @Test
    void invalidPolicyFieldsAreNamed() {
        refused(policyOf(ACCOUNT).zone("Mars/Olympus"), "timeZone");
        refused(policyOf(ACCOUNT).zone("+01:00"), "timeZone");
        refused(policyOf(ACCOUNT).set("timeZone", null), "timeZone");
        refused(policyOf(ACCOUNT).defaultMode("sometimes"), "defaultMode");
        refused(policyOf(ACCOUNT).set("accountId", null), "accountId");
        refused(policyOf(ACCOUNT).with(window("w").from("6:00")), "windows[0].start");
        refused(policyOf(ACCOUNT).with(window("w").to("24:00")), "windows[0].end");
        refused(policyOf(ACCOUNT).with(window("w").from("06:00:30")), "windows[0].start");
        refused(policyOf(ACCOUNT).with(window("w").days()), "windows[0].daysOfWeek");
        refused(policyOf(ACCOUNT).with(window("w").days("MONDAY", "Funday")), "windows[0].daysOfWeek[1]");
        refused(policyOf(ACCOUNT).with(window("w").days("monday")), "windows[0].daysOfWeek[0]");
        refused(policyOf(ACCOUNT).with(window("w").validFrom("2026-05-01").validUntil("2026-04-30")), "windows[0].validUntil");
        refused(policyOf(ACCOUNT).with(window("w").validFrom("2026-13-01")), "windows[0].validFrom");
        refused(policyOf(ACCOUNT).with(window("w").except("25/12/2026")), "windows[0].exceptDates[0]");
        refused(policyOf(ACCOUNT).with(window("w").set("mode", "open")), "windows[0].mode");
        refused(policyOf(ACCOUNT).with(window("w").set("id", "")), "windows[0].id");
        refused(policyOf(ACCOUNT).with(window("same").days("MONDAY")).with(window("same").days("TUESDAY")), "windows[1].id");
        refused(policyOf(ACCOUNT).override("freevend", "2020-01-01T00:00:00Z", "late"), "override.until");
        refused(policyOf(ACCOUNT).override("freevend", "tomorrow", null), "override.until");
        refused(policyOf(ACCOUNT).override("freevend", "2099-01-01T00:00:00", null), "override.until");
    }

    @Test
    void controlCharactersInIdsThatTravelInEventsAreRefused() {
        // authorisation-service and decision-log-service refuse such an event, so Authorize would
        // never learn the mode of a window with this id
        refused(policyOf(ACCOUNT).with(window("night\t")), "windows[0].id");
        refused(policyOf(ACCOUNT).with(window("w\u0000")), "windows[0].id");
        refused(policyOf(ACCOUNT).set("depotId", "depot\u0000"), "depotId");
        refused(policyOf(ACCOUNT).set("accountId", ACCOUNT + "\n"), "accountId");
        String charger = Api.newChargerId("bad");
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "MicroOcpp\u007f")).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("family"));
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "MicroOcpp", "keyResults",
                List.of(Map.of("key", "a\u0000", "status", "Rejected")))).statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("keyResults[0].key"));
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "MicroOcpp")).statusCode(200);
    }

    @Test
    void valuesTheDatabaseWouldRefuseOrChangeAreRefusedNamingTheField() {
        // U+0000 cannot be stored; an unpaired surrogate would be stored as '?'
        String policy = "{\"accountId\":\"" + ACCOUNT + "\",\"timeZone\":\"UTC\",\"defaultMode\":\"freevend\",";
        refusedJson(policy + "\"depotId\":\"d\\ud800x\"}", "depotId");
        refusedJson(policy + "\"override\":{\"mode\":\"managed_access\",\"until\":\"2099-01-01T00:00:00Z\","
                + "\"reason\":\"a\\udfffb\"}}", "override.reason");
        refused(policyOf(ACCOUNT).override("freevend", "2099-01-01T00:00:00Z", "a\u0000b"), "override.reason");
        refused(policyOf(ACCOUNT).zone("SystemV/AST4"), "timeZone");
        String charger = Api.newChargerId("bad");
        Api.putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)).statusCode(201);
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("mode", "freevend", "until", "2099-01-01T00:00:00Z",
                "reason", "\u0000")).put(Api.BASE + charger + "/access-override").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("reason"));
        // a reason may span lines: only what cannot be stored is refused
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("mode", "freevend", "until", "2099-01-01T00:00:00Z",
                "reason", "depot open day\n(see ticket 12)")).put(Api.BASE + charger + "/access-override").then()
                .statusCode(200).body("override.reason", equalTo("depot open day\n(see ticket 12)"));
        Map<String, Object> noStatus = new HashMap<>(Map.of("key", "FreeVend"));
        noStatus.put("status", null);
        for (Map<String, Object> item : List.of(Map.<String, Object>of("key", "FreeVend"), noStatus)) {
            Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "MicroOcpp", "keyResults",
                    List.of(item))).statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("keyResults[0].status"));
        }
    }

    @Test
    void unreadableBodiesAreProblemsNotErrors() {
        String url = Api.BASE + Api.newChargerId("bad") + "/access-policy";
        as(ADMIN).contentType(ContentType.JSON).body("{\"accountId\": ").put(url).then()
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/malformed-json"));
        // one JSON value per body: what follows it is not silently dropped
        as(ADMIN).contentType(ContentType.JSON).body("{\"accountId\":\"" + ACCOUNT
                + "\",\"timeZone\":\"UTC\",\"defaultMode\":\"freevend\"} {\"defaultMode\":\"managed_access\"}").put(url)
                .then().statusCode(400).contentType(PROBLEM);
        as(ADMIN).contentType(ContentType.JSON).body("null").put(url).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"));
        as(ADMIN).contentType(ContentType.JSON).body("[1, 2]").put(url).then().statusCode(400).contentType(PROBLEM);
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("accountId", ACCOUNT, "timeZone", "UTC",
                "defaultMode", "freevend", "windows", "every day")).put(url).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("windows"));
        as(ADMIN).contentType(ContentType.TEXT).body("hello").put(url).then().statusCode(415).contentType(PROBLEM);
        as(ADMIN).contentType(ContentType.JSON).body("{\"accountId\":\"" + "x".repeat(70_000) + "\"}").put(url).then()
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/payload-too-large"));
        as(ADMIN).contentType(ContentType.JSON).body(policyOf(ACCOUNT).build()).post(url).then()
                .statusCode(anyOf(equalTo(404), equalTo(405)));
        as(ADMIN).contentType(ContentType.JSON).body(policyOf(ACCOUNT).build())
                .put(Api.BASE + "bad%20id/access-policy").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("chargerId"));
    }

    @Test
    void chunkedBodiesAreMeasuredAsTheyAreRead() {
        String url = "http://127.0.0.1:" + RestAssured.port + Api.BASE + Api.newChargerId("chunked") + "/access-policy";
        HttpResponse<String> huge = RawHttp.chunked("PUT", url, ADMIN,
                ("{\"accountId\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(413, huge.statusCode());
        assertEquals(PROBLEM, huge.headers().firstValue("Content-Type").orElse(""));
        assertTrue(huge.body().contains("payload-too-large"), huge.body());
        HttpResponse<String> fine = RawHttp.chunked("PUT", url, ADMIN,
                ("{\"accountId\":\"" + ACCOUNT + "\",\"timeZone\":\"UTC\",\"defaultMode\":\"freevend\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(201, fine.statusCode(), fine.body());
    }

    @Test
    void tooManyWindowsAreRefused() {
        PolicyBody body = policyOf(ACCOUNT);
        for (int i = 0; i < 51; i++) {
            body.with(window("w" + i).days("MONDAY").from(String.format("%02d:00", i % 24)).to(String.format("%02d:30", i % 24)));
        }
        refused(body, "windows");
    }

    @Test
    void badQueriesAreProblems() {
        String charger = Api.newChargerId("queries");
        Api.putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)).statusCode(201);
        String base = Api.BASE + charger;
        as(ADMIN).queryParam("at", "yesterday").get(base + "/access-mode").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("at"));
        as(ADMIN).queryParam("at", "2026-11-30T06:00:00").get(base + "/access-mode").then().statusCode(400);
        Api.schedule(ADMIN, charger, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z").statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.schedule(ADMIN, charger, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z").statusCode(400);
        Api.schedule(ADMIN, charger, "2026-01-01T00:00:00Z", "2026-04-02T00:00:00Z").statusCode(200);
        for (Map<String, String> query : List.of(Map.of("limit", "abc"), Map.of("limit", "0"), Map.of("limit", "501"),
                Map.of("mode", "open"), Map.of("capability", "maybe"), Map.of("cursor", "!!!"), Map.of("cursor", "AAAA"),
                Map.of("cursor", "garbage"), Map.of("depotId", "\u0000"), Map.of("depotId", "depot\t1"))) {
            as(ADMIN).queryParams(query).get("/api/v1/chargers").then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(VALIDATION));
        }
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp3")).statusCode(400)
                .body("errors[0].field", equalTo("protocol"));
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "keyResults",
                List.of(Map.of("key", "FreeVend", "status", "Maybe")))).statusCode(400)
                .body("errors[0].field", equalTo("keyResults[0].status"));
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("mode", "freevend")).put(base + "/access-override").then()
                .statusCode(400).body("errors[0].field", equalTo("until"));
        as(ADMIN).get("/api/v1/nothing-here").then().statusCode(404);
    }
}
