package com.betterfleet.access.decisionlog.query;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.betterfleet.access.decisionlog.support.Api;
import com.betterfleet.access.decisionlog.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 400 problem naming the field, never a 500, and never echoes the value. */
@QuarkusTest
class BadInputTest {
    private static final String VALIDATION = "https://problems.betterfleet.example/charger-access/validation-failed";

    static Stream<Arguments> badQueries() {
        String decisions = Api.DECISIONS;
        String summary = Api.SUMMARY;
        String timeline = Api.timeline("CP-1");
        return Stream.of(
                Arguments.of(decisions, Map.of("from", "2025-01-01T00:00:00"), "from"),
                Arguments.of(decisions, Map.of("from", "yesterday"), "from"),
                Arguments.of(decisions, Map.of("to", "2025-13-01T00:00:00Z"), "to"),
                Arguments.of(decisions, Map.of("from", "2025-02-01T00:00:00Z", "to", "2025-01-01T00:00:00Z"), "to"),
                Arguments.of(decisions, Map.of("from", "2025-01-01T00:00:00Z", "to", "2025-01-01T00:00:00Z"), "to"),
                Arguments.of(decisions, Map.of("decision", "maybe"), "decision"),
                Arguments.of(decisions, Map.of("reason", "because"), "reason"),
                Arguments.of(decisions, Map.of("limit", "0"), "limit"),
                Arguments.of(decisions, Map.of("limit", "501"), "limit"),
                Arguments.of(decisions, Map.of("limit", "ten"), "limit"),
                Arguments.of(decisions, Map.of("limit", "99999999999999999999"), "limit"),
                Arguments.of(decisions, Map.of("cursor", "bm90LWEtY3Vyc29y"), "cursor"),
                Arguments.of(decisions, Map.of("cursor", "%%%"), "cursor"),
                Arguments.of(decisions, Map.of("chargerId", "CP 1/../x"), "chargerId"),
                Arguments.of(decisions, Map.of("chargerId", "C".repeat(65)), "chargerId"),
                Arguments.of(decisions, Map.of("depotId", "d".repeat(65)), "depotId"),
                Arguments.of(decisions, Map.of("idToken", "x".repeat(256)), "idToken"),
                Arguments.of(decisions, Map.of("idToken", "04A23F9A", "idTokenType", "Barcode"), "idTokenType"),
                Arguments.of(decisions, Map.of("idTokenType", "ISO14443"), "idTokenType"),
                Arguments.of(summary, Map.of("groupBy", "depot"), "groupBy"),
                Arguments.of(summary, Map.of("from", "2024-01-01T00:00:00Z", "to", "2025-01-01T00:00:00Z"), "from"),
                Arguments.of(summary, Map.of("from", "2999-01-01T00:00:00Z"), "to"),
                Arguments.of(summary, Map.of("to", "nope"), "to"),
                Arguments.of(timeline, Map.of("kind", "decision,Gossip"), "kind"),
                Arguments.of(timeline, Map.of("kind", "mode-change"), "kind"),
                // NUL cannot reach PostgreSQL (SQLSTATE 22021, was a 500); other control characters have no use
                Arguments.of(decisions, Named.of("depotId=NUL", Map.of("depotId", "\u0000")), "depotId"),
                Arguments.of(decisions, Named.of("depotId=depot-NUL-north", Map.of("depotId", "depot-\u0000north")), "depotId"),
                Arguments.of(decisions, Named.of("depotId=depot-TAB-north", Map.of("depotId", "depot\tnorth")), "depotId"),
                Arguments.of(summary, Named.of("depotId=depot-NUL-north", Map.of("depotId", "depot-\u0000north")), "depotId"),
                Arguments.of(decisions, Named.of("idToken with NUL", Map.of("idToken", "04A2\u00003F9A")), "idToken"),
                Arguments.of(decisions, Named.of("cursor with NUL in its record id", Map.of("cursor", cursorWithRecordId("0190-\u0000"))), "cursor"),
                Arguments.of(timeline, Named.of("cursor whose record id is NUL", Map.of("cursor", cursorWithRecordId("\u0000"))), "cursor"),
                Arguments.of(timeline, Named.of("cursor with DEL in its record id", Map.of("cursor", cursorWithRecordId("evt\u007f1"))), "cursor"),
                Arguments.of(timeline, Map.of("limit", "-1"), "limit"),
                Arguments.of(timeline, Map.of("cursor", "djE6MTA6"), "cursor"),
                Arguments.of(Api.timeline("CP%201"), Map.of(), "chargerId"));
    }

    /** The format of {@code Cursor.encode}, at a valid instant, with the given record id. */
    private static String cursorWithRecordId(String recordId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:1764000000000000:" + recordId).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1} -> 400 naming {2}")
    @MethodSource("badQueries")
    void answersBadInputWithAProblemNamingTheField(String path, Map<String, String> query, String field) {
        Api.get(Tokens.machineViewer(), path, query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void namesEveryFailingFieldAtOnce() {
        Api.get(Tokens.machineViewer(), Api.DECISIONS, Map.of("limit", "0", "decision", "x", "from", "y")).then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("limit", "decision", "from"));
    }

    @Test
    void neverEchoesARawIdentifierInAnError() {
        String secretish = "SECRET-TAG-" + "9".repeat(250);
        Api.get(Tokens.machineViewer(), Api.DECISIONS, Map.of("idToken", secretish)).then().statusCode(400)
                .body(not(containsString("SECRET-TAG")));
    }

    @Test
    void answersUnknownPathsWrongMethodsAndUnacceptableTypesWithProblems() {
        String token = Tokens.machineViewer();
        Api.as(token).get("/api/v1/access-decisions/nope/deeper").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Api.as(token).contentType("application/json").body("{}").post(Api.DECISIONS).then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405));
        Api.as(token).accept("application/xml").get(Api.DECISIONS).then().statusCode(406)
                .contentType("application/problem+json");
        Api.as(token).contentType("application/json").body("{not json").post(Api.DECISIONS).then()
                .statusCode(lessThan(500));
    }
}
