package com.betterfleet.access.authorisation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Tokens;
import com.betterfleet.access.local.testsupport.RawHttp;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Every kind of bad input gets a 4xx problem+json, never a 500, and nothing accepted before is lost. */
@QuarkusTest
class BadInputTest {
    private static final String PROBLEM = "https://problems.betterfleet.example/charger-access/";

    static Stream<Arguments> authoriseBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"chargerId\": \"CP-1\", ", 400, "malformed-json", null),
                Arguments.of("empty body", "", 400, "validation-failed", "body"),
                Arguments.of("JSON array instead of object", "[]", 400, "validation-failed", "body"),
                Arguments.of("missing chargerId", "{\"idToken\":\"ABC\"}", 400, "validation-failed", "chargerId"),
                Arguments.of("missing idToken", "{\"chargerId\":\"CP-1\"}", 400, "validation-failed", "idToken"),
                Arguments.of("blank idToken", "{\"chargerId\":\"CP-1\",\"idToken\":\"  \"}", 400, "validation-failed", "idToken"),
                Arguments.of("NoAuthorization in OCPP 1.6",
                        "{\"chargerId\":\"CP-1\",\"idToken\":\"\",\"idTokenType\":\"NoAuthorization\",\"protocol\":\"ocpp1.6\"}", 400,
                        "validation-failed", "idTokenType"),
                Arguments.of("empty idToken of a type other than NoAuthorization",
                        "{\"chargerId\":\"CP-1\",\"idToken\":\"\",\"idTokenType\":\"ISO14443\"}", 400, "validation-failed", "idToken"),
                Arguments.of("chargerId with bad characters", "{\"chargerId\":\"CP 1/2\",\"idToken\":\"ABC\"}", 400,
                        "validation-failed", "chargerId"),
                Arguments.of("idTag over 20 for OCPP 1.6", body("X".repeat(21), "ocpp1.6"), 400, "validation-failed", "idToken"),
                Arguments.of("idToken over 36 for OCPP 2.0.1", body("X".repeat(37), "ocpp2.0.1"), 400, "validation-failed",
                        "idToken"),
                Arguments.of("unknown protocol", body("ABC", "ocpp9"), 400, "validation-failed", "protocol"),
                Arguments.of("unknown idTokenType", "{\"chargerId\":\"CP-1\",\"idToken\":\"ABC\",\"idTokenType\":\"Badge\"}", 400,
                        "validation-failed", "idTokenType"),
                Arguments.of("connectorId not a number", "{\"chargerId\":\"CP-1\",\"idToken\":\"ABC\",\"connectorId\":\"one\"}", 400,
                        "validation-failed", "connectorId"),
                Arguments.of("negative connectorId", "{\"chargerId\":\"CP-1\",\"idToken\":\"ABC\",\"connectorId\":-1}", 400,
                        "validation-failed", "connectorId"),
                Arguments.of("object where a string belongs", "{\"chargerId\":{\"x\":1},\"idToken\":\"ABC\"}", 400,
                        "validation-failed", "chargerId"),
                Arguments.of("NUL in idToken", "{\"chargerId\":\"CP-1\",\"idToken\":\"ABC\\u0000\"}", 400,
                        "validation-failed", "idToken"),
                Arguments.of("line feed in idToken", "{\"chargerId\":\"CP-1\",\"idToken\":\"AB\\nC\"}", 400,
                        "validation-failed", "idToken"),
                Arguments.of("NUL in chargerId", "{\"chargerId\":\"CP-1\\u0000\",\"idToken\":\"ABC\"}", 400,
                        "validation-failed", "chargerId"));
    }

    private static String body(String idToken, String protocol) {
        return "{\"chargerId\":\"CP-BAD\",\"idToken\":\"" + idToken + "\",\"protocol\":\"" + protocol + "\"}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authoriseBodies")
    void authoriseRefusesBadBodiesWithAProblem(String scenario, String body, int status, String slug, String field) {
        var response = Api.as(Tokens.authoriser()).body(body).post("/api/v1/authorise").then()
                .statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + slug)).body("status", equalTo(status));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
    }

    @Test
    void idTokenOfThirtySixCharactersIsFineForOcpp201() {
        Api.as(Tokens.authoriser()).body(body("X".repeat(36), "ocpp2.0.1")).post("/api/v1/authorise").then().statusCode(200);
    }

    @Test
    void compatibilityRouteNamesItsOwnFields() {
        Api.as(Tokens.authoriser()).body(Map.of("charge_point_id", "CP-1", "id_tag", "X".repeat(21)))
                .post("/api/transaction/authorise").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id_tag"));
        Api.as(Tokens.authoriser()).body(Map.of("id_tag", "ABC")).post("/api/transaction/authorise").then().statusCode(400)
                .body("errors.field", hasItem("charge_point_id"));
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String huge = "{\"chargerId\":\"CP-1\",\"idToken\":\"" + "X".repeat(1_100_000) + "\"}";
        Api.as(Tokens.authoriser()).body(huge).post("/api/v1/authorise").then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo(PROBLEM + "payload-too-large"));
    }

    @Test
    void oversizedChunkedBodyIsA413ProblemToo() {
        // no Content-Length: the limit is found while reading, not at the edge
        HttpResponse<String> response = RawHttp.chunked("POST", url("/api/v1/authorise"), Tokens.authoriser(), hugeAuthorise());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains(PROBLEM + "payload-too-large"), response.body());
    }

    @Test
    void oversizedBodyOverHttp2IsA413ProblemWhenItsLengthIsDeclared() {
        HttpResponse<String> response = RawHttp.http2("POST", url("/api/v1/authorise"), Tokens.authoriser(), hugeAuthorise());
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains(PROBLEM + "payload-too-large"), response.body());
    }

    @Test
    void chunkedBodiesWithinTheLimitAreRead() {
        HttpResponse<String> response = RawHttp.chunked("POST", url("/api/v1/authorise"), Tokens.authoriser(),
                "{\"chargerId\":\"CP-CHUNKED\",\"idToken\":\"AB12\"}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("unknown_identifier"), response.body());
    }

    private static byte[] hugeAuthorise() {
        return ("{\"chargerId\":\"CP-1\",\"idToken\":\"" + "X".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + RestAssured.port + path;
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        given().urlEncodingEnabled(false).auth().oauth2(Tokens.authoriser()).contentType(ContentType.TEXT).body("chargerId=CP-1")
                .post("/api/v1/authorise").then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "unsupported-media-type"));
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        Api.as(Tokens.authoriser()).get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        Api.as(Tokens.authoriser()).get("/api/v1/authorise").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void batchRefusesANonArrayAndTooManyItems() {
        Api.as(Tokens.machine("identifier-sync")).body("{\"op\":\"upsert\"}").post("/api/v1/identifiers:batch").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        List<Map<String, Object>> items = new ArrayList<>(Collections.nCopies(1001,
                IdentifierItemBuilder.ownFleet("acc-A", "04A23F9A").map()));
        Api.batch(Tokens.machine("identifier-sync"), items).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("items"));
        Api.as(Tokens.machine("identifier-sync")).body("[{\"op\": ").post("/api/v1/identifiers:batch").then().statusCode(400)
                .body("type", equalTo(PROBLEM + "malformed-json"));
    }

    @Test
    void listRefusesBadQueryParameters() {
        Api.as(Tokens.machine("access-viewer")).get("/api/v1/identifiers?limit=lots").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        Api.as(Tokens.machine("access-viewer")).get("/api/v1/identifiers?limit=0").then().statusCode(400);
        Api.as(Tokens.machine("access-viewer")).get("/api/v1/identifiers?accessClass=staff").then().statusCode(400)
                .body("errors.field", hasItem("accessClass"));
        Api.as(Tokens.machine("access-viewer")).get("/api/v1/identifiers?cursor=@@@").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void aBodyIsOneJsonValueNothingAfterItIsIgnored() {
        Api.as(Tokens.authoriser()).body("{\"chargerId\":\"CP-1\",\"idToken\":\"AB12\"}garbage")
                .post("/api/v1/authorise").then().statusCode(400).contentType("application/problem+json");
        Api.as(Tokens.machine("identifier-sync")).body("[] [{\"op\":\"delete\"}]")
                .post("/api/v1/identifiers:batch").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void compatibilityRouteRefusesControlCharactersBeforeDeciding() {
        Api.as(Tokens.authoriser()).body("{\"charge_point_id\":\"CP-1\",\"id_tag\":\"ABC\\u0000\"}")
                .post("/api/transaction/authorise").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("id_tag"));
        Api.as(Tokens.authoriser()).body("{\"charge_point_id\":\"CP\\u007f1\",\"id_tag\":\"ABC\"}")
                .post("/api/transaction/authorise").then().statusCode(400).body("errors.field", hasItem("charge_point_id"));
    }

    @Test
    void batchRejectsItemsWithControlCharactersOneByOne() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<Map<String, Object>> items = List.of(
                IdentifierItemBuilder.ownFleet("acc-A\u0000", "NUL-ACC-" + suffix).type("Local").map(),
                IdentifierItemBuilder.ownFleet("acc-A", "NUL-VEH-" + suffix).type("Local").with("vehicleId", "bus\u0000").map(),
                IdentifierItemBuilder.ownFleet("acc-A", "NUL-TOK-" + suffix + "\u0000").type("Local").map(),
                IdentifierItemBuilder.ownFleet("acc-A", "FINE-" + suffix).type("Local").map());
        Api.batch(Tokens.machine("identifier-sync"), items).statusCode(200)
                .body("results[0].status", equalTo("rejected")).body("results[0].problem.errors.field", hasItem("accountId"))
                .body("results[1].status", equalTo("rejected")).body("results[1].problem.errors.field", hasItem("vehicleId"))
                .body("results[2].status", equalTo("rejected")).body("results[2].problem.errors.field", hasItem("idToken"))
                .body("results[3].status", equalTo("created"));
    }

    @Test
    void unpairedSurrogatesAreRefusedNotStoredAsQuestionMarks() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String item = "{\"op\":\"upsert\",\"accountId\":\"%s\",\"idToken\":\"%s\",\"idTokenType\":\"Central\","
                + "\"accessClass\":\"own_fleet\",\"status\":\"active\",\"vehicleId\":\"%s\"}";
        String body = "[" + String.format(item, "acc\\ud800", "SUR-ACC-" + suffix, "bus-1") + ","
                + String.format(item, "acc-A", "SUR-TOK-" + suffix + "\\udfff", "bus-1") + ","
                + String.format(item, "acc-A", "SUR-VEH-" + suffix, "bus\\ud800") + ","
                + String.format(item, "acc-A", "SUR-FINE-" + suffix + "\\ud83d\\ude8c", "bus-1") + "]";
        Api.as(Tokens.machine("identifier-sync")).body(body).post("/api/v1/identifiers:batch").then().statusCode(200)
                .body("results[0].status", equalTo("rejected")).body("results[0].problem.errors.field", hasItem("accountId"))
                .body("results[1].status", equalTo("rejected")).body("results[1].problem.errors.field", hasItem("idToken"))
                .body("results[2].status", equalTo("rejected")).body("results[2].problem.errors.field", hasItem("vehicleId"))
                // a surrogate pair (an emoji) is well-formed text
                .body("results[3].status", equalTo("created"));
        Api.as(Tokens.authoriser()).body("{\"chargerId\":\"CP-1\",\"idToken\":\"ABC\\ud800\"}")
                .post("/api/v1/authorise").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("idToken"));
    }

    @Test
    void batchRejectsAValidityShorterThanAMicrosecondAndKeepsTheOtherItems() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<Map<String, Object>> items = List.of(
                IdentifierItemBuilder.ownFleet("acc-A", "NANO-" + suffix).type("Local")
                        .with("validFrom", "2030-01-01T00:00:00.0000001Z").with("validUntil", "2030-01-01T00:00:00.0000009Z").map(),
                IdentifierItemBuilder.ownFleet("acc-A", "MICRO-" + suffix).type("Local")
                        .with("validFrom", "2030-01-01T00:00:00.0000009Z").with("validUntil", "2030-01-01T00:00:00.0000011Z").map());
        Api.batch(Tokens.machine("identifier-sync"), items).statusCode(200)
                .body("results[0].status", equalTo("rejected")).body("results[0].problem.errors.field", hasItem("validUntil"))
                .body("results[1].status", equalTo("created"));
    }

    @Test
    void listRefusesControlCharactersInQueryParametersAndCursors() {
        Api.as(Tokens.machine("access-viewer")).get("/api/v1/identifiers?accountId=%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("accountId"));
        Api.as(Tokens.machine("access-viewer")).get("/api/v1/identifiers?accountId=acc-A%1F").then().statusCode(400);
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("acc\u0000A\nabc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.as(Tokens.machine("access-viewer")).get("/api/v1/identifiers?cursor=" + cursor).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("cursor"));
        String hashWithNul = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("acc-A\nab\u0000c".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.as(Tokens.machine("access-viewer")).get("/api/v1/identifiers?cursor=" + hashWithNul).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void colonMayBePercentEncoded() {
        given().auth().oauth2(Tokens.authoriser()).contentType(ContentType.JSON).body(Map.of("chargerId", "CP-1", "idToken", "A"))
                .post("/api/v1/authorise:noop").then().statusCode(200).body("status", startsWith("Accepted"));
    }

    @Test
    void afterAllThatAuthoriseStillWorks() {
        Api.authorise("CP-AFTER-BAD", "ABC", null).statusCode(200).body("reason", equalTo("unknown_identifier"));
    }
}
