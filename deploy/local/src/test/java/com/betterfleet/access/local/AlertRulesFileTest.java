package com.betterfleet.access.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * deploy/k8s/monitoring/alerts.yaml is a Prometheus rule file whose every alert says how bad it is
 * and links a runbook section that exists. (That its metrics exist is checked by each service's
 * AlertRulesTest, against what the service exports.)
 */
class AlertRulesFileTest {
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void everyAlertHasAnExpressionASeverityAnExplanationAndARunbookSectionThatExists() throws Exception {
        JsonNode groups = new ObjectMapper(new YAMLFactory())
                .readTree(REPO.resolve("deploy/k8s/monitoring/alerts.yaml").toFile()).path("groups");
        Set<String> anchors = runbookAnchors();
        Set<String> names = new HashSet<>();
        int alerts = 0;
        for (JsonNode group : groups) {
            assertFalse(group.path("name").asText().isEmpty());
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertTrue(name.matches("[A-Z][A-Za-z]+"), "alert name " + name);
                assertTrue(names.add(name), "alert names are unique: " + name);
                assertFalse(rule.path("expr").asText().isBlank(), name);
                assertTrue(List.of("critical", "warning", "info").contains(rule.path("labels").path("severity").asText()), name);
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name);
                assertFalse(rule.path("annotations").path("description").asText().isBlank(), name);
                String runbook = rule.path("annotations").path("runbook").asText();
                assertTrue(runbook.startsWith("docs/runbook.md#") && anchors.contains(runbook.substring(runbook.indexOf('#') + 1)),
                        name + " links " + runbook + "; sections: " + anchors);
                alerts++;
            }
        }
        assertEquals(3, groups.size(), "a group per service with alerts");
        assertTrue(alerts >= groups.size(), "alerts read: " + alerts);
    }

    /** GitHub's anchors of the runbook's headings: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> runbookAnchors() throws Exception {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(REPO.resolve("docs/runbook.md"))) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
