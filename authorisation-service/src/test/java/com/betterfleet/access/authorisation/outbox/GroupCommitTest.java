package com.betterfleet.access.authorisation.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
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

    /** INSERTs into decision_outbox that the server is still running (here: waiting for the table lock). */
    private static long runningInserts() {
        return Database.count("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                + "AND query LIKE 'INSERT INTO decision_outbox%'");
    }

    @Test
    void decisionThatCannotBeCommittedIsNotDurable() throws Exception {
        UUID refused = UUID.randomUUID();
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE decision_outbox IN ACCESS EXCLUSIVE MODE");
            }
            Throwable failure = write(refused).get(10, TimeUnit.SECONDS);
            UnavailableException unavailable = assertInstanceOf(UnavailableException.class, failure);
            assertEquals("decision-not-recorded", unavailable.slug());
            // The server cancelled the statement itself: nothing is left waiting to insert the refused decision ...
            Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> runningInserts() == 0);
            c.rollback();
        }
        // ... so releasing the lock lets nothing through: the decision answered 503 never becomes durable.
        Thread.sleep(300);
        assertEquals(0, Database.count("SELECT count(*) FROM decision_outbox WHERE decision_id = ?", refused));
        assertEquals(null, write(UUID.randomUUID()).get(10, TimeUnit.SECONDS));
    }
}
