package com.betterfleet.access.decisionlog.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The query API as a caller uses it. */
public final class Api {
    public static final String DECISIONS = "/api/v1/access-decisions";
    public static final String SUMMARY = "/api/v1/access-decisions/summary";

    private Api() {
    }

    public static String timeline(String chargerId) {
        return "/api/v1/chargers/" + chargerId + "/access-timeline";
    }

    public static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    public static Response get(String token, String path, Map<String, ?> query) {
        return as(token).queryParams(query).get(path);
    }

    /** Follows nextCursor until the last page (bounded), returning every page. */
    public static List<JsonPath> allPages(String token, String path, Map<String, ?> query) {
        List<JsonPath> pages = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 100; i++) {
            RequestSpecification request = as(token).queryParams(query);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            pages.add(page);
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                return pages;
            }
        }
        throw new AssertionError("more than 100 pages");
    }
}
