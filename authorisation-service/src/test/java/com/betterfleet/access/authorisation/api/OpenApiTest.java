package com.betterfleet.access.authorisation.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The generated OpenAPI document documents every operation: summary, 401 and 403. */
@QuarkusTest
class OpenApiTest {
    @Test
    void everyOperationHasASummaryAndItsErrorResponses() throws Exception {
        int managementPort = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        String json = given().port(managementPort).queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(json).get("paths");
        assertTrue(paths.has("/api/v1/authorise") && paths.has("/api/transaction/authorise")
                && paths.has("/api/v1/identifiers:batch") && paths.has("/api/v1/identifiers"), paths.toString());
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey() + " " + path.getKey();
                assertFalse(op.getValue().path("summary").asText().isBlank(), name + " has a summary");
                assertTrue(op.getValue().path("responses").has("401"), name + " documents 401");
                assertTrue(op.getValue().path("responses").has("403"), name + " documents 403");
                operations++;
            }
        }
        assertTrue(operations >= 5);
    }
}
