package com.betterfleet.access.accesspolicy.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.policy.adapter.out.persistence.PolicyRows;
import com.betterfleet.access.accesspolicy.schedule.application.BoundaryTicker;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessPolicy;
import com.betterfleet.access.accesspolicy.schedule.domain.ExpectedMode;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleEngine;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleWindow;
import com.betterfleet.access.accesspolicy.support.Database;
import com.betterfleet.access.accesspolicy.support.PublishedEvents;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 3 item 6, in one run against the real service (its ticker thread, outbox relay and AMQP
 * sender), real PostgreSQL and the real broker:
 * <ol>
 * <li>the cost of an idle tick with 1,000 and with 100,000 chargers (three windows each);</li>
 * <li>the time from a boundary shared by 10,000 of those chargers to the last of their 10,000
 * expected_mode_changed events settled by the broker, and received by a consumer (target &lt; 10 s).</li>
 * </ol>
 * Not part of the test suite (the name does not end in Test). Run it with
 * {@code ./mvnw -B -o test -pl access-policy-service -Dtest=TickBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * it prints its figures and writes them to target/tick-benchmark.txt.
 */
@QuarkusTest
@TestProfile(TickBenchmark.ProductionBatches.class)
class TickBenchmark {
    /** The production batch size (the test profile uses small batches). */
    public static class ProductionBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("access-policy.ticker.batch-size", "1000",
                    "quarkus.log.category.\"com.betterfleet.access.accesspolicy.schedule.application\".level", "DEBUG");
        }
    }

    private static final String PREFIX = "bench-";
    private static final int SMALL = 1_000;
    private static final int LARGE = 100_000;
    private static final int SHARED = 10_000;
    private static final int WARM_UP = 2_000;
    private static final int IDLE_TICKS = 300;
    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Australia/Sydney",
            "Asia/Kolkata", "Europe/Berlin", "America/Los_Angeles", "Pacific/Auckland", "UTC");

    @Inject
    BoundaryTicker ticker;

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        PublishedEvents events = PublishedEvents.get();
        clean();
        Instant now = Instant.now();
        List<Shape> shapes = shapes(now);

        insert(1, SMALL, shapes);
        analyze();
        idleTick("idle tick, " + SMALL + " chargers");

        insert(SMALL + 1, LARGE, shapes);
        analyze();
        idleTick("idle tick, " + LARGE + " chargers");
        explainProbe();

        // Warm-up: the service has only run idle ticks so far; let the JIT see a busy tick first.
        sharedBoundary(events, SHARED + 1, SHARED + WARM_UP, "warm-up");
        sharedBoundary(events, 1, SHARED, "measured");
        Files.write(Path.of("target", "tick-benchmark.txt"), report);
        clean();
    }

    /** Eight policy shapes (zone x times): three managed windows each, the first about two hours ahead. */
    private static List<Shape> shapes(Instant now) {
        List<Shape> shapes = new ArrayList<>();
        for (int k = 0; k < ZONES.size(); k++) {
            ZoneId zone = ZoneId.of(ZONES.get(k));
            LocalTime first = LocalDateTime.ofInstant(now, zone).toLocalTime().plusHours(2).plusMinutes(7L * k)
                    .truncatedTo(ChronoUnit.MINUTES);
            Set<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
            List<ScheduleWindow> windows = List.of(
                    ScheduleWindow.weekly("morning", everyDay, first, first.plusHours(2), AccessMode.MANAGED_ACCESS),
                    ScheduleWindow.weekly("midday", everyDay, first.plusHours(5), first.plusHours(7), AccessMode.MANAGED_ACCESS),
                    ScheduleWindow.weekly("evening", everyDay, first.plusHours(10), first.plusHours(12), AccessMode.MANAGED_ACCESS));
            AccessPolicy policy = new AccessPolicy(zone, AccessMode.FREEVEND, windows, null, 1);
            shapes.add(new Shape(zone.getId(), PolicyRows.windowsJson(windows).encode(), ScheduleEngine.expectedModeAt(policy, now)));
        }
        return shapes;
    }

    private record Shape(String zone, String windowsJson, ExpectedMode expected) {
    }

    private static void insert(int from, int to, List<Shape> shapes) throws SQLException {
        long started = System.nanoTime();
        String[] zones = shapes.stream().map(Shape::zone).toArray(String[]::new);
        String[] windows = shapes.stream().map(Shape::windowsJson).toArray(String[]::new);
        String[] modes = shapes.stream().map(s -> s.expected().mode().wire()).toArray(String[]::new);
        String[] sources = shapes.stream().map(s -> s.expected().source().wire()).toArray(String[]::new);
        String[] windowIds = shapes.stream().map(s -> s.expected().windowId()).toArray(String[]::new);
        OffsetDateTime[] next = shapes.stream().map(s -> OffsetDateTime.ofInstant(s.expected().until(), ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO access_policy (charger_id, account_id, depot_id, time_zone, default_mode, windows, version, updated_at)
                    SELECT ? || i, 'acc-bench', 'depot-' || (i % 100), s.zone, 'freevend', s.windows::jsonb, 1, now()
                    FROM generate_series(?, ?) i
                    JOIN unnest(?::text[], ?::text[]) WITH ORDINALITY AS s(zone, windows, k) ON s.k = i % ? + 1""");
                    PreparedStatement s = c.prepareStatement("""
                    INSERT INTO schedule_state (charger_id, mode, source, window_id, policy_version, since, next_boundary_at, updated_at)
                    SELECT ? || i, s.mode, s.source, s.window_id, 1, now(), s.next, now()
                    FROM generate_series(?, ?) i
                    JOIN unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[]) WITH ORDINALITY AS s(mode, source, window_id, next, k)
                      ON s.k = i % ? + 1""")) {
                p.setString(1, PREFIX);
                p.setInt(2, from);
                p.setInt(3, to);
                p.setArray(4, c.createArrayOf("text", zones));
                p.setArray(5, c.createArrayOf("text", windows));
                p.setInt(6, shapes.size());
                p.executeUpdate();
                s.setString(1, PREFIX);
                s.setInt(2, from);
                s.setInt(3, to);
                s.setArray(4, c.createArrayOf("text", modes));
                s.setArray(5, c.createArrayOf("text", sources));
                s.setArray(6, c.createArrayOf("text", windowIds));
                s.setArray(7, c.createArrayOf("timestamptz", next));
                s.setInt(8, shapes.size());
                s.executeUpdate();
            }
            c.commit();
        }
        System.out.printf("inserted chargers %d..%d in %d ms%n", from, to, (System.nanoTime() - started) / 1_000_000);
    }

    private void idleTick(String label) {
        for (int i = 0; i < 20; i++) {
            ticker.tick();
        }
        long[] micros = new long[IDLE_TICKS];
        for (int i = 0; i < IDLE_TICKS; i++) {
            long started = System.nanoTime();
            BoundaryTicker.TickResult result = ticker.tick();
            micros[i] = (System.nanoTime() - started) / 1_000;
            if (result.due() != 0) {
                throw new IllegalStateException("a boundary came due during the idle measurement");
            }
        }
        Arrays.sort(micros);
        print(String.format(Locale.ROOT, "%-32s median %5d us, p95 %5d us, max %6d us (%d ticks, one index probe each)",
                label, micros[IDLE_TICKS / 2], micros[IDLE_TICKS * 95 / 100], micros[IDLE_TICKS - 1], IDLE_TICKS));
    }

    private void explainProbe() throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) "
                        + "SELECT min(next_boundary_at) FROM schedule_state")) {
            print("idle probe plan at " + LARGE + " chargers:");
            while (rs.next()) {
                print("    " + rs.getString(1));
            }
        }
        // The batch query as the service runs it: a prepared statement, planned generically.
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("""
                    PREPARE due(timestamptz, int) AS SELECT s.charger_id, p.windows FROM schedule_state s
                    JOIN access_policy p ON p.charger_id = s.charger_id WHERE s.next_boundary_at <= $1
                    ORDER BY s.next_boundary_at LIMIT $2 FOR UPDATE OF s SKIP LOCKED""");
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) EXECUTE due(now(), 1000)")) {
                print("batch query generic plan at " + LARGE + " chargers (nothing due):");
                while (rs.next()) {
                    print("    " + rs.getString(1));
                }
            }
            c.rollback();
        }
    }

    private void sharedBoundary(PublishedEvents events, int first, int last, String label) throws Exception {
        int count = last - first + 1;
        Instant boundary = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(10);
        OffsetDateTime at = OffsetDateTime.ofInstant(boundary, ZoneOffset.UTC);
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("""
                    UPDATE access_policy SET override_mode = 'managed_access', override_until = ?, version = 2
                    WHERE charger_id IN (SELECT ? || i FROM generate_series(?, ?) i)""");
                    PreparedStatement s = c.prepareStatement("""
                    UPDATE schedule_state SET mode = 'managed_access', source = 'override', window_id = NULL,
                        policy_version = 2, next_boundary_at = ?
                    WHERE charger_id IN (SELECT ? || i FROM generate_series(?, ?) i)""")) {
                p.setObject(1, at);
                p.setString(2, PREFIX);
                p.setInt(3, first);
                p.setInt(4, last);
                p.executeUpdate();
                s.setObject(1, at);
                s.setString(2, PREFIX);
                s.setInt(3, first);
                s.setInt(4, last);
                s.executeUpdate();
            }
            c.commit();
        }
        Set<String> ids = new HashSet<>();
        for (int i = first; i <= last; i++) {
            ids.add(PREFIX + i);
        }
        String effectiveAt = boundary.toString();
        Instant evaluated = null;
        Instant settled = null;
        Instant received = null;
        Instant deadline = boundary.plusSeconds(120);
        while (Instant.now().isBefore(deadline) && (evaluated == null || settled == null || received == null)) {
            Thread.sleep(20);
            Instant now = Instant.now();
            if (now.isBefore(boundary)) {
                continue;
            }
            if (evaluated == null && Database.count(
                    "SELECT count(*) FROM schedule_state WHERE next_boundary_at <= ? AND charger_id LIKE 'bench-%'", at) == 0) {
                evaluated = now;
            }
            if (evaluated != null && settled == null && Database.count(
                    "SELECT count(*) FROM outbox WHERE charger_id LIKE 'bench-%'") == 0) {
                settled = now;
            }
            // Scanning what the consumer received costs CPU the service needs: only once all is settled.
            if (settled != null && received == null && events.all(r -> r.data().path("effectiveAt").asText().equals(effectiveAt)
                    && ids.contains(r.subject())).size() >= count) {
                received = Instant.now();
            }
        }
        long published = events.all(r -> r.type().equals("charger_access.expected_mode_changed")
                && ids.contains(r.subject()) && r.data().path("effectiveAt").asText().equals(effectiveAt)).size();
        print(String.format(Locale.ROOT, "%s shared boundary, %d of %d chargers: all evaluated and committed +%s, "
                + "last event settled by the broker +%s, last received by a consumer +%s (%d events%s)", label,
                count, LARGE, since(boundary, evaluated), since(boundary, settled), since(boundary, received), published,
                count == SHARED ? ", target < 10 s" : ""));
    }

    private static String since(Instant boundary, Instant at) {
        return at == null ? "timeout" : String.format(Locale.ROOT, "%.2f s", Duration.between(boundary, at).toMillis() / 1000.0);
    }

    private static void analyze() throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE access_policy");
            s.execute("ANALYZE schedule_state");
        }
    }

    private static void clean() throws SQLException {
        try (Connection c = Database.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM access_policy WHERE charger_id LIKE 'bench-%'");
            s.execute("DELETE FROM outbox WHERE charger_id LIKE 'bench-%'");
            s.execute("VACUUM ANALYZE schedule_state");
        }
    }

    private void print(String line) {
        System.out.println("[tick-benchmark] " + line);
        report.add(line);
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
