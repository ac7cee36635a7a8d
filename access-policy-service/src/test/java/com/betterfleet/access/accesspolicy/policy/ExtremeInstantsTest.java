package com.betterfleet.access.accesspolicy.policy;

import static com.betterfleet.access.accesspolicy.support.Api.as;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.londonWeekdaysManaged;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.policyOf;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.Window.window;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.PolicyBody;
import com.betterfleet.access.accesspolicy.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Instants and dates outside the supported range (years 1970 to 9999) are a 400 naming the field,
 * never a 500: they parse as ISO-8601, but overflow the schedule engine, a Duration added to them,
 * or a PostgreSQL timestamptz.
 */
@QuarkusTest
class ExtremeInstantsTest {
    private static final String ACCOUNT = "acc-extreme";
    private static final String ADMIN = Tokens.adminOf(ACCOUNT);
    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "https://problems.betterfleet.example/charger-access/validation-failed";

    /** Parse as ISO-8601 with offset, but lie outside 1970..9999. */
    private static final List<String> OUT_OF_RANGE_INSTANTS = List.of(
            "+10000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            // The largest local date-time with the most negative offset: beyond Instant's range in UTC terms.
            "+999999999-12-31T23:59:59.999999999-18:00",
            "-999999999-01-01T00:00:00+18:00",
            // Beyond PostgreSQL's timestamptz range (294276 AD) but a valid Instant.
            "+300000-01-01T00:00:00Z",
            "-4714-11-24T00:00:00Z",
            "9999-12-31T23:59:59-01:00",
            "1969-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z");

    private static final List<String> OUT_OF_RANGE_DATES = List.of(
            "+10000-01-01", "-999999999-01-01", "+999999999-12-31", "1969-12-31", "0000-01-01");

    private static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem(field));
    }

    private static String chargerWithPolicy() {
        String charger = Api.newChargerId("extreme");
        Api.putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT)
                .with(window("weekend").days("SATURDAY", "SUNDAY").from("22:00").to("06:00").freevend()
                        .validFrom("2026-01-01").validUntil("2027-12-31").except("2026-12-26")))
                .statusCode(201);
        return charger;
    }

    private static String chargerWithoutPolicy() {
        String charger = Api.newChargerId("extreme-none");
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp1.6", "family", "Zaptec")).statusCode(200);
        return charger;
    }

    @Test
    void accessModeAtAnInstantOutsideTheRangeIsRefused() {
        for (String charger : List.of(chargerWithPolicy(), chargerWithoutPolicy())) {
            for (String at : OUT_OF_RANGE_INSTANTS) {
                refused(Api.accessModeAt(ADMIN, charger, at), "at")
                        .body("errors[0].message", containsString("9999"));
            }
        }
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        String charger = chargerWithPolicy();
        Api.accessModeAt(ADMIN, charger, "1970-01-01T00:00:00Z").statusCode(200);
        Api.accessModeAt(ADMIN, charger, "9999-12-31T23:59:59.999999999Z").statusCode(200);
        Api.schedule(ADMIN, charger, "1970-01-01T00:00:00Z", "1970-02-01T00:00:00Z").statusCode(200);
        Api.schedule(ADMIN, charger, "9999-12-01T00:00:00Z", "9999-12-31T23:59:59Z").statusCode(200);
        // to defaults to from + 7 days, which may run past the range: still answered.
        as(ADMIN).queryParam("from", "9999-12-31T00:00:00Z").get(Api.BASE + charger + "/access-schedule").then()
                .statusCode(200);
    }

    @Test
    void scheduleBetweenInstantsOutsideTheRangeIsRefused() {
        for (String charger : List.of(chargerWithPolicy(), chargerWithoutPolicy())) {
            for (String instant : OUT_OF_RANGE_INSTANTS) {
                refused(Api.schedule(ADMIN, charger, instant, "2026-01-01T00:00:00Z"), "from");
                refused(Api.schedule(ADMIN, charger, "2026-01-01T00:00:00Z", instant), "to");
                refused(as(ADMIN).queryParam("from", instant).get(Api.BASE + charger + "/access-schedule").then(), "from");
                refused(as(ADMIN).queryParam("to", instant).get(Api.BASE + charger + "/access-schedule").then(), "to");
            }
        }
    }

    @Test
    void overrideUntilOutsideTheRangeIsRefused() {
        String charger = chargerWithPolicy();
        for (String until : OUT_OF_RANGE_INSTANTS) {
            refused(Api.putOverride(ADMIN, charger, "freevend", until), "until");
            refused(Api.putPolicy(ADMIN, Api.newChargerId("extreme"),
                    policyOf(ACCOUNT).override("freevend", until, "far")), "override.until");
        }
        // Nothing was stored by the refused writes.
        Api.as(ADMIN).get(Api.BASE + charger + "/access-policy").then().statusCode(200).body("version", equalTo(1));
        // The latest supported instant is accepted, stored and read back.
        Api.putOverride(ADMIN, charger, "freevend", "9999-12-31T23:59:59Z").statusCode(200)
                .body("override.until", equalTo("9999-12-31T23:59:59Z"));
        Api.accessModeAt(ADMIN, charger, "2026-11-30T07:00:00Z").statusCode(200)
                .body("source", equalTo("override"));
    }

    @Test
    void windowDatesOutsideTheRangeAreRefused() {
        for (String date : OUT_OF_RANGE_DATES) {
            refused(put(policyOf(ACCOUNT).with(window("w").validFrom(date))), "windows[0].validFrom");
            refused(put(policyOf(ACCOUNT).with(window("w").validUntil(date))), "windows[0].validUntil");
            refused(put(policyOf(ACCOUNT).with(window("w").except("2026-12-25", date))), "windows[0].exceptDates[1]");
        }
        // Dates at both ends of the range, with overlapping-window checks over the whole span.
        put(policyOf(ACCOUNT)
                .with(window("a").days("MONDAY").validFrom("1970-01-01").validUntil("9999-12-31").except("9999-12-27"))
                .with(window("b").days("TUESDAY").validFrom("1970-01-01").validUntil("9999-12-31")))
                .statusCode(201);
    }

    @Test
    void extremeValuesNeverProduceAServerError() {
        String charger = chargerWithPolicy();
        String url = Api.BASE + charger;
        for (String instant : OUT_OF_RANGE_INSTANTS) {
            as(ADMIN).contentType(ContentType.JSON).body(Map.of("mode", "managed_access", "until", instant))
                    .put(url + "/access-override").then().statusCode(400);
        }
    }

    private static ValidatableResponse put(PolicyBody body) {
        return Api.putPolicy(ADMIN, Api.newChargerId("extreme"), body);
    }
}
