package com.betterfleet.access.authorisation.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.outbox.adapter.out.persistence.OutboxGroupCommitter;
import com.betterfleet.access.authorisation.outbox.application.OutboxMessage;
import com.betterfleet.access.authorisation.shared.application.UnavailableException;
import com.betterfleet.access.authorisation.testsupport.Database;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox path, which takes every decision the broker did not acknowledge in time: decisions are
 * durable before the callback, written by group commits; a failed commit fails closed.
 */
@QuarkusTest
class GroupCommitTest {
    @Inject
    MeterRegistry registry;
    @Inject
    OutboxGroupCommitter outbox;

    private DistributionSummary batches() {
        return registry.find("authorisation.outbox.group.commit.batch.size").summary();
    }

    /** Completes with null once durable, or with the failure. */
    private CompletableFuture<Throwable> write(UUID id) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        outbox.write(new OutboxMessage(id, "{\"id\":\"" + id + "\"}"), null, () -> outcome.complete(null), outcome::complete);
        return outcome;
    }

    @Test
    void concurrentDecisionsShareCommits() throws Exception {
        long commitsBefore = batches().count();
        double decisionsBefore = batches().totalAmount();
        int decisions = 240;
        ExecutorService writers = Executors.newFixedThreadPool(24);
        List<UUID> ids = new ArrayList<>();
        try {
            List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
            for (int i = 0; i < decisions; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                CompletableFuture<Throwable> outcome = new CompletableFuture<>();
                outcomes.add(outcome);
                writers.submit(() -> write(id).whenComplete((failure, error) -> outcome.complete(failure)));
            }
            for (CompletableFuture<Throwable> outcome : outcomes) {
                assertEquals(null, outcome.get(10, TimeUnit.SECONDS));
            }
        } finally {
            writers.shutdownNow();
        }
        long commits = batches().count() - commitsBefore;
        double written = batches().totalAmount() - decisionsBefore;
        assertEquals(decisions, written, 0.0, "every decision was in a committed batch");
        assertTrue(commits < decisions, "expected fewer commits than decisions, got " + commits + " for " + decisions);
    }

    @Test
    void decisionThatCannotBeCommittedIsNotDurable() throws Exception {
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE decision_outbox IN ACCESS EXCLUSIVE MODE");
            }
            Throwable failure = write(UUID.randomUUID()).get(10, TimeUnit.SECONDS);
            UnavailableException unavailable = assertInstanceOf(UnavailableException.class, failure);
            assertEquals("decision-not-recorded", unavailable.slug());
            c.rollback();
        }
        assertEquals(null, write(UUID.randomUUID()).get(10, TimeUnit.SECONDS));
    }
}
