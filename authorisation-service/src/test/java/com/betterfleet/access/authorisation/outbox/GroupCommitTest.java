package com.betterfleet.access.authorisation.outbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Database;
import com.betterfleet.access.authorisation.testsupport.Tokens;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** Decisions are durable before the answer, written by group commits; a failed commit fails closed. */
@QuarkusTest
class GroupCommitTest {
    @Inject
    MeterRegistry registry;

    private DistributionSummary batches() {
        return registry.find("authorisation.outbox.group.commit.batch.size").summary();
    }

    @Test
    void concurrentDecisionsShareCommits() throws Exception {
        String token = Tokens.authoriser();
        long commitsBefore = batches().count();
        double decisionsBefore = batches().totalAmount();
        int requests = 240;
        ExecutorService clients = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String charger = "CP-GC-" + (i % 12);
                answers.add(clients.submit(() -> Api.as(token).body(Map.of("chargerId", charger, "idToken", "GUEST"))
                        .post("/api/v1/authorise").then().statusCode(200).extract().path("decisionId")));
            }
            for (Future<String> answer : answers) {
                answer.get();
            }
        } finally {
            clients.shutdownNow();
        }
        long commits = batches().count() - commitsBefore;
        double decisions = batches().totalAmount() - decisionsBefore;
        assertEquals(requests, decisions, 0.0, "every answered decision was in a committed batch");
        assertTrue(commits < requests, "expected fewer commits than decisions, got " + commits + " for " + requests);
    }

    @Test
    void decisionThatCannotBeCommittedIsNotAnswered() throws Exception {
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE decision_outbox IN ACCESS EXCLUSIVE MODE");
            }
            Api.authorise("CP-GC-LOCKED", "GUEST", null).statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("https://problems.betterfleet.example/charger-access/decision-not-recorded"));
            c.rollback();
        }
        Api.authorise("CP-GC-LOCKED", "GUEST", null).statusCode(200);
    }
}
