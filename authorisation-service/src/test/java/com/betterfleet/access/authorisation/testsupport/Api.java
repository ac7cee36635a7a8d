package com.betterfleet.access.authorisation.testsupport;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls the service's HTTP API as the gateway, Manage or a viewer would. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(String token) {
        // No percent-encoding: the paths contain ":" (identifiers:batch, authorise:noop) as clients send them.
        return given().urlEncodingEnabled(false).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Authorize as the charger gateway; protocol may be null. */
    public static ValidatableResponse authorise(String chargerId, String idToken, String protocol) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chargerId", chargerId);
        body.put("idToken", idToken);
        if (protocol != null) {
            body.put("protocol", protocol);
        }
        return as(Tokens.authoriser()).body(body).post("/api/v1/authorise").then();
    }

    public static ValidatableResponse batch(String token, List<Map<String, Object>> items) {
        return as(token).body(items).post("/api/v1/identifiers:batch").then();
    }

    /** Registers identifiers as the identifier-sync client and expects every item to be applied. */
    public static void register(List<Map<String, Object>> items) {
        batch(Tokens.machine("identifier-sync"), items).statusCode(200);
    }
}
