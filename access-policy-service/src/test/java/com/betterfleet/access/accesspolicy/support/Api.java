package com.betterfleet.access.accesspolicy.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** REST calls of the tests, with a bearer token. */
public final class Api {
    public static final String BASE = "/api/v1/chargers/";

    private Api() {
    }

    /** A charger id no other test uses. */
    public static String newChargerId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static ValidatableResponse putPolicy(String token, String chargerId, PolicyBody body) {
        return as(token).contentType(ContentType.JSON).body(body.build())
                .put(BASE + chargerId + "/access-policy").then();
    }

    public static ValidatableResponse putPolicy(String token, String chargerId, PolicyBody body, String ifMatch) {
        return as(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body.build())
                .put(BASE + chargerId + "/access-policy").then();
    }

    public static ValidatableResponse accessModeAt(String token, String chargerId, String at) {
        return as(token).queryParam("at", at).get(BASE + chargerId + "/access-mode").then();
    }

    public static ValidatableResponse schedule(String token, String chargerId, String from, String to) {
        return as(token).queryParam("from", from).queryParam("to", to).get(BASE + chargerId + "/access-schedule").then();
    }

    public static ValidatableResponse putOverride(String token, String chargerId, String mode, String until) {
        return as(token).contentType(ContentType.JSON).body(Map.of("mode", mode, "until", until, "reason", "test"))
                .put(BASE + chargerId + "/access-override").then();
    }

    public static ValidatableResponse putCapability(String token, String chargerId, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).put(BASE + chargerId + "/capability").then();
    }
}
