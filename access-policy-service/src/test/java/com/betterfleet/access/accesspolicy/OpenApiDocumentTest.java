package com.betterfleet.access.accesspolicy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document is generated from the code; every operation documents summary, role and errors. */
@QuarkusTest
class OpenApiDocumentTest {
    private static final List<String> CONTRACT_OPERATIONS = List.of(
            "put /api/v1/chargers/{chargerId}/access-policy",
            "get /api/v1/chargers/{chargerId}/access-policy",
            "delete /api/v1/chargers/{chargerId}/access-policy",
            "put /api/v1/chargers/{chargerId}/access-override",
            "delete /api/v1/chargers/{chargerId}/access-override",
            "get /api/v1/chargers/{chargerId}/access-mode",
            "get /api/v1/chargers/{chargerId}/access-schedule",
            "put /api/v1/chargers/{chargerId}/capability",
            "get /api/v1/chargers/{chargerId}/capability",
            "get /api/v1/chargers");

    @TestHTTPResource(value = "openapi", management = true)
    URL openApi;

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasSummaryRoleAndErrorResponses() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get(openApi)
                .then().statusCode(200).extract().path("paths");
        List<String> operations = paths.entrySet().stream()
                .flatMap(path -> path.getValue().keySet().stream().map(method -> method + " " + path.getKey()))
                .toList();
        assertThat(operations, hasItems(CONTRACT_OPERATIONS.toArray(String[]::new)));
        for (String operation : CONTRACT_OPERATIONS) {
            String[] parts = operation.split(" ");
            Map<String, Object> spec = paths.get(parts[1]).get(parts[0]);
            assertThat(operation, (String) spec.get("summary"), not(emptyOrNullString()));
            assertThat(operation, (String) spec.get("description"), containsString("Role: access-"));
            Map<String, Object> responses = (Map<String, Object>) spec.get("responses");
            assertThat(operation, responses.keySet(), hasItems("400", "401", "403"));
            assertThat(operation, spec.containsKey("security"), equalTo(true));
        }
    }
}
