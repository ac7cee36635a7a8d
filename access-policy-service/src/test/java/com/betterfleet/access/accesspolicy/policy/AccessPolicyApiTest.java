package com.betterfleet.access.accesspolicy.policy;

import static com.betterfleet.access.accesspolicy.support.Api.accessModeAt;
import static com.betterfleet.access.accesspolicy.support.Api.as;
import static com.betterfleet.access.accesspolicy.support.Api.newChargerId;
import static com.betterfleet.access.accesspolicy.support.Api.putPolicy;
import static com.betterfleet.access.accesspolicy.support.Api.schedule;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.londonWeekdaysManaged;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.policyOf;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.Window.window;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The schedule semantics of issue 3's "Done when", through the REST API. */
@QuarkusTest
class AccessPolicyApiTest {
    private static final String ACCOUNT = "acc-api";
    private static final String ADMIN = Tokens.adminOf(ACCOUNT);
    private static final String VIEWER = Tokens.viewerOf(ACCOUNT);

    @Test
    void londonWeekdayWindowIsManagedFromSixToSix() {
        String charger = newChargerId("london");
        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)).statusCode(201);

        // Monday 30 November 2026, GMT.
        accessModeAt(VIEWER, charger, "2026-11-30T05:59:59Z").statusCode(200)
                .body("expectedMode", equalTo("freevend"))
                .body("source", equalTo("default"))
                .body("until", equalTo("2026-11-30T06:00:00Z"));
        accessModeAt(VIEWER, charger, "2026-11-30T06:00:00Z").statusCode(200)
                .body("expectedMode", equalTo("managed_access"))
                .body("source", equalTo("schedule"))
                .body("windowId", equalTo("weekdays"))
                .body("since", equalTo("2026-11-30T06:00:00Z"))
                .body("until", equalTo("2026-11-30T18:00:00Z"))
                .body("policyVersion", equalTo(1));
        accessModeAt(VIEWER, charger, "2026-11-30T18:00:00Z").statusCode(200)
                .body("expectedMode", equalTo("freevend"));
        // Summer: the same local times, shown with the BST offset.
        accessModeAt(VIEWER, charger, "2027-06-07T06:00:00+01:00").statusCode(200)
                .body("expectedMode", equalTo("managed_access"))
                .body("since", equalTo("2027-06-07T06:00:00+01:00"));
    }

    @Test
    void overnightSaturdayWindowCoversSundayNightNotSundayMorning() {
        String charger = newChargerId("overnight");
        putPolicy(ADMIN, charger, policyOf(ACCOUNT)
                .with(window("sat-night").days("SATURDAY").from("22:00").to("06:00").managed())).statusCode(201);

        accessModeAt(VIEWER, charger, "2026-11-29T03:00:00Z").statusCode(200)
                .body("expectedMode", equalTo("managed_access"))
                .body("windowId", equalTo("sat-night"));
        accessModeAt(VIEWER, charger, "2026-11-29T06:00:00Z").statusCode(200)
                .body("expectedMode", equalTo("freevend"))
                .body("windowId", nullValue());
    }

    @Test
    void springGapShiftsWindowStartAndAutumnOverlapTakesFirstOccurrence() {
        String charger = newChargerId("dst");
        putPolicy(ADMIN, charger, policyOf(ACCOUNT)
                .with(window("spring").from("01:30").to("04:00").validFrom("2027-03-28").validUntil("2027-03-28"))
                .with(window("autumn").from("01:30").to("03:00").validFrom("2027-10-31").validUntil("2027-10-31")))
                .statusCode(201);

        // 2027-03-28: 01:30 does not exist in London; the window starts at 02:30 BST (01:30 UTC).
        schedule(VIEWER, charger, "2027-03-28T00:00:00Z", "2027-03-28T06:00:00Z").statusCode(200)
                .body("$", hasSize(3))
                .body("[1].mode", equalTo("managed_access"))
                .body("[1].windowId", equalTo("spring"))
                .body("[1].from", equalTo("2027-03-28T02:30:00+01:00"))
                .body("[1].to", equalTo("2027-03-28T04:00:00+01:00"));
        // 2027-10-31: 01:30 happens twice; the window starts at the first (BST, 00:30 UTC).
        schedule(VIEWER, charger, "2027-10-30T23:00:00Z", "2027-10-31T06:00:00Z").statusCode(200)
                .body("[1].windowId", equalTo("autumn"))
                .body("[1].from", equalTo("2027-10-31T01:30:00+01:00"))
                .body("[1].to", equalTo("2027-10-31T03:00:00Z"));
    }

    @Test
    void exceptDateStopsTheWindowStartingThatDay() {
        String charger = newChargerId("holiday");
        putPolicy(ADMIN, charger, policyOf(ACCOUNT).with(window("daily").except("2026-12-25"))).statusCode(201);

        accessModeAt(VIEWER, charger, "2026-12-24T12:00:00Z").statusCode(200).body("expectedMode", equalTo("managed_access"));
        accessModeAt(VIEWER, charger, "2026-12-25T12:00:00Z").statusCode(200).body("expectedMode", equalTo("freevend"));
        accessModeAt(VIEWER, charger, "2026-12-26T12:00:00Z").statusCode(200).body("expectedMode", equalTo("managed_access"));
    }

    @Test
    void overlappingWindowsAcrossMidnightAreRefusedNamingBoth() {
        String charger = newChargerId("overlap");
        putPolicy(ADMIN, charger, policyOf(ACCOUNT)
                .with(window("days").days("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").from("06:00").to("18:00"))
                .with(window("monday-night").days("MONDAY").from("22:00").to("07:00").freevend()))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/overlapping-windows"))
                .body("detail", containsString("'days'"))
                .body("detail", containsString("'monday-night'"))
                .body("overlaps[0].firstWindowId", equalTo("days"))
                .body("overlaps[0].secondWindowId", equalTo("monday-night"))
                .body("overlaps[0].firstWindowStartDay", equalTo("TUESDAY"))
                .body("errors.field", containsInAnyOrder("windows[0]", "windows[1]"));
        as(VIEWER).get(Api.BASE + charger + "/access-policy").then().statusCode(404);
    }

    @Test
    void staleIfMatchGets412() {
        String charger = newChargerId("etag");
        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)).statusCode(201).header("ETag", "\"1\"");
        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT).defaultMode("managed_access"), "\"1\"")
                .statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));

        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT), "\"1\"")
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/precondition-failed"));
        as(ADMIN).header("If-Match", "\"1\"").delete(Api.BASE + charger + "/access-policy").then().statusCode(412);
        as(VIEWER).get(Api.BASE + charger + "/access-policy").then().statusCode(200)
                .header("ETag", "\"2\"").body("defaultMode", equalTo("managed_access"));
    }

    @Test
    void policyRoundTripsAndDeletionContinuesTheVersion() {
        String charger = newChargerId("roundtrip");
        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)
                .with(window("weekend").days("SATURDAY", "SUNDAY").from("10:00").to("12:00").freevend()
                        .validFrom("2026-01-01").except("2026-12-26")))
                .statusCode(201);
        Map<String, Object> read = as(VIEWER).get(Api.BASE + charger + "/access-policy").then().statusCode(200)
                .body("windows[1].exceptDates[0]", equalTo("2026-12-26"))
                .body("windows[1].validUntil", nullValue())
                .body("enforcement", equalTo("unknown"))
                .extract().as(Map.class);
        // A GET body can be sent back as it is (extra fields are ignored).
        as(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(read)
                .put(Api.BASE + charger + "/access-policy").then().statusCode(200).body("version", equalTo(2));

        as(ADMIN).delete(Api.BASE + charger + "/access-policy").then().statusCode(204);
        as(VIEWER).get(Api.BASE + charger + "/access-policy").then().statusCode(404);
        accessModeAt(VIEWER, charger, "2026-11-30T12:00:00Z").statusCode(200)
                .body("expectedMode", equalTo("managed_access")).body("source", equalTo("none"));
        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)).statusCode(201).body("version", equalTo(4));
    }

    @Test
    void partiallySupportedChargerSaysEnforcementIsNotGuaranteed() {
        String charger = newChargerId("ocpp201");
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp2.0.1")).statusCode(200)
                .body("state", equalTo("partially_supported"))
                .body("reasons[0].code", equalTo("gateway_does_not_authorise"));
        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)).statusCode(201)
                .header("Access-Enforcement", "not_guaranteed")
                .body("enforcement", equalTo("not_guaranteed"))
                .body("capability.state", equalTo("partially_supported"));
        accessModeAt(VIEWER, charger, "2026-11-30T12:00:00Z").statusCode(200).body("enforcement", equalTo("not_guaranteed"));
        schedule(VIEWER, charger, "2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z").statusCode(200)
                .header("Access-Enforcement", "not_guaranteed");

        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp2.0.1", "gatewayAuthorises", true)).statusCode(200)
                .body("state", equalTo("fully_supported")).body("reasons", hasSize(0));
        as(VIEWER).get(Api.BASE + charger + "/access-policy").then().body("enforcement", equalTo("guaranteed"));
    }

    @Test
    void managedAccessOnUnsupportedChargerIsRefused() {
        String charger = newChargerId("unsupported");
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "NoSuchFamily")).statusCode(200)
                .body("state", equalTo("unsupported"))
                .body("reasons[0].code", equalTo("unknown_family_profile"));

        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)).statusCode(422)
                .body("type", equalTo("https://problems.betterfleet.example/charger-access/managed-access-unsupported"))
                .body("errors.field", containsInAnyOrder("windows[0].mode"));
        putPolicy(ADMIN, charger, policyOf(ACCOUNT)).statusCode(201);
        Api.putOverride(ADMIN, charger, "managed_access", "2099-01-01T00:00:00Z").statusCode(422)
                .body("errors[0].field", equalTo("mode"));
    }

    @Test
    void rejectedRequiredKeyMakesAKnownFamilyUnsupported() {
        String charger = newChargerId("micro");
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "MicroOcpp")).statusCode(200)
                .body("state", equalTo("fully_supported"));
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "microocpp", "keyResults",
                java.util.List.of(Map.of("key", "LocalPreAuthorize", "status", "NotSupported")))).statusCode(200)
                .body("state", equalTo("partially_supported"))
                .body("reasons[0].code", equalTo("optional_key_rejected"))
                .body("reasons[0].key", equalTo("LocalPreAuthorize"));
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "MicroOcpp", "keyResults",
                java.util.List.of(Map.of("key", "Cst_FreeVendActive", "status", "Rejected")))).statusCode(200)
                .body("state", equalTo("unsupported"))
                .body("reasons[0].code", equalTo("required_key_rejected"));
    }

    @Test
    void overrideWinsUntilItEndsAndCanBeLifted() {
        String charger = newChargerId("override");
        putPolicy(ADMIN, charger, policyOf(ACCOUNT).defaultMode("managed_access")).statusCode(201);
        Api.putOverride(ADMIN, charger, "freevend", "2099-01-01T00:00:00Z").statusCode(200)
                .header("ETag", "\"2\"")
                .body("override.mode", equalTo("freevend"))
                .body("override.until", equalTo("2099-01-01T00:00:00Z"));
        accessModeAt(VIEWER, charger, "2098-12-31T23:59:59Z").statusCode(200)
                .body("expectedMode", equalTo("freevend")).body("source", equalTo("override"))
                .body("until", equalTo("2099-01-01T00:00:00Z"));
        accessModeAt(VIEWER, charger, "2099-01-01T00:00:00Z").statusCode(200)
                .body("expectedMode", equalTo("managed_access")).body("source", equalTo("default"));

        as(ADMIN).delete(Api.BASE + charger + "/access-override").then().statusCode(200)
                .header("ETag", "\"3\"").body("override", nullValue());
        Api.putOverride(ADMIN, charger, "freevend", "2020-01-01T00:00:00Z").statusCode(400)
                .body("errors[0].field", equalTo("until"));
    }

    @Test
    void listsOneAccountsChargersInPages() {
        String account = "acc-list-" + newChargerId("x");
        String admin = Tokens.adminOf(account);
        for (String depot : new String[] { "north", "north", "south" }) {
            putPolicy(admin, newChargerId("list"), policyOf(account).depot(depot)).statusCode(201);
        }
        putPolicy(Tokens.adminOf("acc-other"), newChargerId("other"), policyOf("acc-other")).statusCode(201);

        var first = as(Tokens.viewerOf(account)).queryParam("limit", 2).get("/api/v1/chargers").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue())
                .body("items[0].expectedMode", equalTo("freevend"))
                .body("items[0].source", equalTo("default"))
                .extract().path("nextCursor");
        as(Tokens.viewerOf(account)).queryParam("limit", 2).queryParam("cursor", (String) first)
                .get("/api/v1/chargers").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue());
        as(Tokens.viewerOf(account)).queryParam("depotId", "north").get("/api/v1/chargers").then()
                .body("items", hasSize(2));
        as(Tokens.viewerOf(account)).queryParam("mode", "managed_access").get("/api/v1/chargers").then()
                .body("items", hasSize(0));
        as(Tokens.machine("access-viewer", "access-authoriser")).queryParam("accountId", account).queryParam("capability", "unknown")
                .get("/api/v1/chargers").then().statusCode(200).body("items", hasSize(3));
        as(Tokens.machine("access-viewer", "access-authoriser")).get("/api/v1/chargers").then().statusCode(400)
                .body("errors[0].field", equalTo("accountId"));
    }
}
