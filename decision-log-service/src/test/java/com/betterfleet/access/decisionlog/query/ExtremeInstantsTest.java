package com.betterfleet.access.decisionlog.query;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.betterfleet.access.decisionlog.support.AmqpTestPublisher;
import com.betterfleet.access.decisionlog.support.Api;
import com.betterfleet.access.decisionlog.support.Events;
import com.betterfleet.access.decisionlog.support.Events.DecisionEvent;
import com.betterfleet.access.decisionlog.support.Scenario;
import com.betterfleet.access.decisionlog.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Instants outside the supported range (1970-01-01T00:00:00Z up to the end of 9999) are a 400
 * naming the parameter, never a 500: they parse as ISO-8601 but overflow a Duration subtracted
 * from them or PostgreSQL's timestamptz.
 */
@QuarkusTest
class ExtremeInstantsTest {
    private static final String VALIDATION = "https://problems.betterfleet.example/charger-access/validation-failed";
    private static final String ACCOUNT = Scenario.newAccount();
    private static final String CHARGER = Scenario.newCharger();

    /** Parse as ISO-8601 with offset, but lie outside the supported range. */
    private static final List<String> OUT_OF_RANGE = List.of(
            "+10000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            // The largest local date-time with the most negative offset: past Instant.MAX in UTC.
            "+999999999-12-31T23:59:59.999999999-18:00",
            "-999999999-01-01T00:00:00+18:00",
            // Valid instants beyond PostgreSQL's timestamptz range (4713 BC to 294276 AD).
            "+294277-01-01T00:00:00Z",
            "-4714-11-24T00:00:00Z",
            "9999-12-31T23:59:59-01:00",
            "1969-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z");

    private static boolean arranged;

    @BeforeEach
    void oneDecisionIsLogged() {
        if (arranged) {
            return;
        }
        arranged = true;
        DecisionEvent decision = Events.decision().account(ACCOUNT).charger(CHARGER)
                .at(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(decision.json()), List.of(decision.decisionId()), 1);
    }

    static Stream<Arguments> outOfRangeInstants() {
        List<Arguments> cases = new ArrayList<>();
        for (String path : List.of(Api.DECISIONS, Api.SUMMARY, Api.timeline(CHARGER))) {
            for (String instant : OUT_OF_RANGE) {
                cases.add(Arguments.of(path, Map.of("from", instant), "from"));
                cases.add(Arguments.of(path, Map.of("to", instant), "to"));
                if (instant.startsWith("-") || instant.startsWith("0") || instant.startsWith("1")) {
                    cases.add(Arguments.of(path, Map.of("from", instant, "to", "2026-01-01T00:00:00Z"), "from"));
                } else {
                    cases.add(Arguments.of(path, Map.of("from", "2026-01-01T00:00:00Z", "to", instant), "to"));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> 400 naming {2}")
    @MethodSource("outOfRangeInstants")
    void refusesInstantsOutsideTheSupportedRange(String path, Map<String, String> query, String field) {
        for (String token : List.of(Tokens.machineViewer(), Tokens.viewerOf(ACCOUNT))) {
            Api.get(token, path, query).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION))
                    .body("title", equalTo("Invalid request"))
                    .body("errors.field", hasItem(field))
                    .body("errors.message", hasItem(containsString("9999")));
        }
    }

    static Stream<Arguments> cursorsBeyondTheRange() {
        List<Arguments> cases = new ArrayList<>();
        List<Long> micros = List.of(Long.MIN_VALUE, Long.MAX_VALUE, micros(LocalDate.of(-5000, 1, 1)),
                micros(LocalDate.of(10000, 1, 1)), micros(LocalDate.of(1969, 12, 31)));
        for (String path : List.of(Api.DECISIONS, Api.timeline(CHARGER))) {
            for (long value : micros) {
                cases.add(Arguments.of(path, cursor(value)));
            }
        }
        return cases.stream();
    }

    /**
     * A cursor carries epoch microseconds, so it cannot reach the years that overflow; the database
     * client maps what lies beyond timestamptz to -infinity / infinity. Kept as a guard: never a 500.
     */
    @ParameterizedTest(name = "{0} cursor {1} -> not a 500")
    @MethodSource("cursorsBeyondTheRange")
    void answersCursorsAtExtremeInstantsWithoutAServerError(String path, String cursor) {
        Api.get(Tokens.machineViewer(), path, Map.of("cursor", cursor)).then().statusCode(lessThan(500));
    }

    @Test
    void acceptsTheEdgesOfTheRange() {
        String token = Tokens.viewerOf(ACCOUNT);
        Map<String, String> whole = Map.of("from", "1970-01-01T00:00:00Z", "to", "9999-12-31T23:59:59.999999999Z");
        Api.get(token, Api.DECISIONS, whole).then().statusCode(200).body("items", hasSize(1));
        Api.get(token, Api.timeline(CHARGER), whole).then().statusCode(200).body("items", hasSize(1));
        Api.get(token, Api.SUMMARY, Map.of("from", "9999-12-01T00:00:00Z", "to", "9999-12-31T23:59:59Z")).then()
                .statusCode(200).body("total", equalTo(0));
        // from defaults to a day before to, which may fall before 1970: still answered.
        Api.get(token, Api.SUMMARY, Map.of("to", "1970-01-01T00:00:00Z")).then().statusCode(200).body("total", equalTo(0));
        Api.get(token, Api.DECISIONS, Map.of("cursor", cursor(micros(LocalDate.of(9999, 12, 31))))).then().statusCode(200);
        Api.get(token, Api.DECISIONS, Map.of("cursor", cursor(0))).then().statusCode(200).body("items", hasSize(0));
    }

    /**
     * The consumer accepts records dated up to the end of 9999; a page ending on one must still
     * give a cursor (microseconds since the epoch counted through nanoseconds overflow after 2262).
     */
    @Test
    void pagesPastRecordsDatedFarInTheFuture() {
        String account = Scenario.newAccount();
        String charger = Scenario.newCharger();
        DecisionEvent endOfRange = Events.decision().account(account).charger(charger)
                .at(Instant.parse("9999-12-31T23:59:59.999999Z"));
        DecisionEvent in2300 = Events.decision().account(account).charger(charger).at(Instant.parse("2300-01-01T00:00:00Z"));
        DecisionEvent recent = Events.decision().account(account).charger(charger)
                .at(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30));
        Scenario.publishAndAwait(AmqpTestPublisher.DECISIONS, List.of(endOfRange.json(), in2300.json(), recent.json()),
                List.of(endOfRange.decisionId(), in2300.decisionId(), recent.decisionId()), 3);
        String token = Tokens.viewerOf(account);

        for (String path : List.of(Api.DECISIONS, Api.timeline(charger))) {
            List<JsonPath> pages = Api.allPages(token, path, Map.of("limit", 1));
            List<String> ids = new ArrayList<>();
            pages.forEach(page -> ids.addAll(page.getList(path.equals(Api.DECISIONS) ? "items.decisionId" : "items.id")));
            org.junit.jupiter.api.Assertions.assertEquals(
                    List.of(endOfRange.decisionId(), in2300.decisionId(), recent.decisionId()), ids, path);
        }
    }

    private static long micros(LocalDate date) {
        // Not ChronoUnit.MICROS.between: it goes through nanoseconds, which overflow beyond 292 years.
        return Math.multiplyExact(date.atStartOfDay(ZoneOffset.UTC).toEpochSecond(), 1_000_000L);
    }

    /** The cursor format of {@code Cursor.encode}: {@code v1:<epoch micros>:<recordId>}, base64url. */
    private static String cursor(long micros) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + micros + ":01900000-0000-7000-8000-000000000000").getBytes(StandardCharsets.UTF_8));
    }
}
