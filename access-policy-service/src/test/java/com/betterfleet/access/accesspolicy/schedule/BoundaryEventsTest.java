package com.betterfleet.access.accesspolicy.schedule;

import static com.betterfleet.access.accesspolicy.support.Api.accessModeAt;
import static com.betterfleet.access.accesspolicy.support.Api.newChargerId;
import static com.betterfleet.access.accesspolicy.support.Api.putPolicy;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.policyOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.schedule.application.BoundaryTicker;
import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.Arrange;
import com.betterfleet.access.accesspolicy.support.Database;
import com.betterfleet.access.accesspolicy.support.PublishedEvents;
import com.betterfleet.access.accesspolicy.support.PublishedEvents.Received;
import com.betterfleet.access.accesspolicy.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** expected_mode_changed at boundaries: on time, exactly once across replicas, and after downtime. */
@QuarkusTest
class BoundaryEventsTest {
    private static final String ACCOUNT = "acc-boundaries";
    private static final String ADMIN = Tokens.adminOf(ACCOUNT);
    private static final String MODE_CHANGED = "charger_access.expected_mode_changed";
    private static final String POLICY_CHANGED = "charger_access.policy_changed";

    @Inject
    BoundaryTicker ticker;

    private final PublishedEvents events = PublishedEvents.get();

    @Test
    void policyWritePublishesPolicyChangedAndTheNewExpectedMode() {
        String charger = newChargerId("write");
        putPolicy(ADMIN, charger, policyOf(ACCOUNT)).statusCode(201);

        Received policy = events.await(of(POLICY_CHANGED, charger), 1, Duration.ofSeconds(10)).get(0);
        assertThat(policy.data().path("version").asLong(), equalTo(1L));
        assertThat(policy.data().path("deleted").asBoolean(), is(false));
        Received mode = events.await(of(MODE_CHANGED, charger), 1, Duration.ofSeconds(10)).get(0);
        assertThat(mode.data().path("previousMode").asText(), equalTo("managed_access"));
        assertThat(mode.data().path("mode").asText(), equalTo("freevend"));
        assertThat(mode.data().path("source").asText(), equalTo("default"));

        // Same mode, source and window: policy_changed only.
        putPolicy(ADMIN, charger, policyOf(ACCOUNT).depot("depot-2")).statusCode(200);
        events.await(of(POLICY_CHANGED, charger), 2, Duration.ofSeconds(10));
        assertThat(events.of(MODE_CHANGED, charger), hasSize(1));
    }

    @Test
    void overrideUntilTGivesFreevendUntilTThenTheScheduleWithABoundaryEventAtT() {
        String charger = newChargerId("override-end");
        putPolicy(ADMIN, charger, policyOf(ACCOUNT).defaultMode("managed_access")).statusCode(201);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        Api.putOverride(ADMIN, charger, "freevend", t.toString()).statusCode(200);

        accessModeAt(ADMIN, charger, t.minusMillis(1).toString()).statusCode(200)
                .body("expectedMode", equalTo("freevend")).body("source", equalTo("override"))
                .body("until", equalTo(t.toString()));
        accessModeAt(ADMIN, charger, t.toString()).statusCode(200)
                .body("expectedMode", equalTo("managed_access")).body("source", equalTo("default"));

        Predicate<Received> boundary = of(MODE_CHANGED, charger)
                .and(r -> r.data().path("effectiveAt").asText().equals(t.toString()));
        Received atT = events.await(boundary, 1, Duration.ofSeconds(15)).get(0);
        assertThat(atT.data().path("previousMode").asText(), equalTo("freevend"));
        assertThat(atT.data().path("mode").asText(), equalTo("managed_access"));
        assertThat(atT.data().path("source").asText(), equalTo("default"));
        assertThat(atT.data().path("policyVersion").asLong(), equalTo(2L));
        assertThat("published within a second of the boundary", Duration.between(t, atT.at()),
                lessThan(Duration.ofMillis(1000)));
    }

    @Test
    void twoReplicasPublishEachOfTwoHundredSharedBoundariesExactlyOnce() throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
        List<String> chargers = Arrange.chargers(newChargerId("replicas"), 200, ACCOUNT,
                Arrange.Policy.freevendOverrideUntil(t),
                new Arrange.State("freevend", "override", null, Instant.now(), t));
        Set<String> ids = new HashSet<>(chargers);

        // Two more "replicas" tick as fast as they can next to the service's own ticker.
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Integer>> work = new ArrayList<>();
        Instant stop = t.plusSeconds(3);
        for (int i = 0; i < 2; i++) {
            work.add(replicas.submit(() -> {
                int changed = 0;
                while (Instant.now().isBefore(stop)) {
                    changed += ticker.tick().changed();
                    Thread.sleep(5);
                }
                return changed;
            }));
        }
        Predicate<Received> atT = type(MODE_CHANGED).and(r -> ids.contains(r.subject()))
                .and(r -> r.data().path("effectiveAt").asText().equals(t.toString()));
        events.await(atT, 200, Duration.ofSeconds(30));
        List<Integer> byReplica = new ArrayList<>();
        for (Future<Integer> replica : work) {
            byReplica.add(replica.get(30, TimeUnit.SECONDS));
        }
        replicas.shutdown();
        System.out.printf("200 shared boundaries: test replicas wrote %s events, the service's own ticker the rest%n",
                byReplica);
        Thread.sleep(1000);

        List<Received> published = events.all(type(MODE_CHANGED).and(r -> ids.contains(r.subject())));
        assertThat(published, hasSize(200));
        assertThat(published.stream().map(Received::subject).distinct().count(), equalTo(200L));
        published.forEach(r -> assertThat(r.data().path("mode").asText(), equalTo("managed_access")));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Database.count("SELECT count(*) FROM outbox WHERE charger_id = ANY(?)",
                        (Object) chargers.toArray(String[]::new)) == 0);
    }

    @Test
    void boundariesLeftByAReplicaThatDiedMidTickArePublishedByAnother() throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1500);
        List<String> chargers = Arrange.chargers(newChargerId("died"), 5, ACCOUNT,
                Arrange.Policy.freevendOverrideUntil(t), new Arrange.State("freevend", "override", null, Instant.now(), t));
        Predicate<Received> theirs = type(MODE_CHANGED).and(r -> chargers.contains(r.subject()));
        try (Connection replica = Database.connect()) {
            replica.setAutoCommit(false);
            try (PreparedStatement lock = replica.prepareStatement(
                    "SELECT charger_id FROM schedule_state WHERE charger_id = ANY(?) FOR UPDATE")) {
                lock.setArray(1, replica.createArrayOf("text", chargers.toArray()));
                lock.executeQuery();
            }
            // A replica holds the rows in its tick when the boundary passes: the others skip them.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), t).toMillis()) + 800);
            assertThat(events.all(theirs), empty());
            // It dies: its transaction rolls back and the rows are due for everyone else.
            replica.rollback();
        }
        events.await(theirs, 5, Duration.ofSeconds(10));
        Thread.sleep(500);
        assertThat(events.all(theirs), hasSize(5));
        events.all(theirs).forEach(r -> assertThat(r.data().path("effectiveAt").asText(), equalTo(t.toString())));
    }

    @Test
    void afterDowntimeEachChargerGetsItsCurrentStateOnceNotTheMissedHistory() throws Exception {
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        String windows = """
                [{"id":"mornings","daysOfWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                  "start":"00:00","end":"12:00","mode":"managed_access","validUntil":"%s"}]""".formatted(lastDay);
        Instant lastEnd = ZonedDateTime.of(lastDay, LocalTime.NOON, london).toInstant();
        // Last published: the mornings window four days ago; its end and three more boundaries were missed.
        Instant missed = ZonedDateTime.of(lastDay.minusDays(2), LocalTime.NOON, london).toInstant();
        List<String> chargers = Arrange.chargers(newChargerId("catch-up"), 10, ACCOUNT,
                new Arrange.Policy("Europe/London", "freevend", windows, null, null),
                new Arrange.State("managed_access", "schedule", "mornings", missed.minus(Duration.ofHours(12)), missed));

        Predicate<Received> theirs = type(MODE_CHANGED).and(r -> chargers.contains(r.subject()));
        events.await(theirs, 10, Duration.ofSeconds(10));
        Thread.sleep(800);
        List<Received> published = events.all(theirs);
        assertThat(published, hasSize(10));
        published.forEach(r -> {
            assertThat(r.data().path("previousMode").asText(), equalTo("managed_access"));
            assertThat(r.data().path("mode").asText(), equalTo("freevend"));
            assertThat(r.data().path("source").asText(), equalTo("default"));
            assertThat(r.data().path("effectiveAt").asText(), equalTo(lastEnd.toString()));
        });
    }

    private static Predicate<Received> of(String type, String chargerId) {
        return type(type).and(PublishedEvents.about(chargerId));
    }

    private static Predicate<Received> type(String type) {
        return PublishedEvents.type(type);
    }
}
