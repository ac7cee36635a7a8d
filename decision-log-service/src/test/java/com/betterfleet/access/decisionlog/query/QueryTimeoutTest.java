package com.betterfleet.access.decisionlog.query;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.support.Api;
import com.betterfleet.access.decisionlog.support.Database;
import com.betterfleet.access.decisionlog.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A query the database does not finish within the statement timeout of the query pool (3 s in the
 * test profile) is stopped there and answered with a 504 problem, not held for as long as it takes.
 * The query here waits on a lock rather than on millions of records: the same timeout stops both.
 */
@QuarkusTest
class QueryTimeoutTest {
    private static final Map<String, String> HOURLY = Map.of("groupBy", "hour");

    @Test
    void aQueryOverTheStatementTimeoutIsStoppedWithA504ProblemAndTheNextOneIsAnswered() throws Exception {
        String token = Tokens.machineViewer();
        Api.get(token, Api.SUMMARY, HOURLY).then().statusCode(200);
        long elapsed;
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("LOCK TABLE access_record IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            Api.get(token, Api.SUMMARY, HOURLY).then().statusCode(504)
                    .contentType("application/problem+json")
                    .header("Retry-After", nullValue())
                    .body("type", endsWith("/query-timeout"))
                    .body("status", equalTo(504))
                    .body("detail", endsWith("or add a filter (chargerId, depotId, reason, decision)."));
            elapsed = System.nanoTime() - started;
            c.rollback();
        }
        assertTrue(elapsed >= Duration.ofMillis(2900).toNanos() && elapsed < Duration.ofSeconds(30).toNanos(),
                "stopped by the 3 s timeout, not at once and not much later: " + elapsed / 1_000_000 + " ms");
        Api.get(token, Api.SUMMARY, HOURLY).then().statusCode(200);
    }
}
