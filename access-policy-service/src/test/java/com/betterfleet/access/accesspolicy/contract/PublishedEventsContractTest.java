package com.betterfleet.access.accesspolicy.contract;

import static com.betterfleet.access.accesspolicy.support.Api.as;
import static com.betterfleet.access.accesspolicy.support.Api.newChargerId;
import static com.betterfleet.access.accesspolicy.support.Api.putPolicy;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.londonWeekdaysManaged;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.policyOf;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.Window.window;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.PublishedEvents;
import com.betterfleet.access.accesspolicy.support.PublishedEvents.Received;
import com.betterfleet.access.accesspolicy.support.Tokens;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What this service publishes, as a consumer receives it from the real broker, validated against
 * the language-neutral contract docs/contracts/events.schema.json (formats asserted).
 */
@QuarkusTest
class PublishedEventsContractTest {
    private static final String ACCOUNT = "acc-contract";
    private static final String ADMIN = Tokens.adminOf(ACCOUNT);
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of("..", "docs", "contracts", "events.schema.json");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    @Test
    void everyEventTypeThisServicePublishesMatchesTheSchema() {
        String charger = newChargerId("contract");
        Api.putCapability(ADMIN, charger, Map.of("protocol", "ocpp2.0.1")).statusCode(200);
        putPolicy(ADMIN, charger, londonWeekdaysManaged(ACCOUNT).depot("depot-9")
                .with(window("weekend").days("SATURDAY").from("22:00").to("06:00").freevend()
                        .validFrom("2026-01-01").validUntil("2030-12-31").except("2026-12-26"))
                .override("managed_access", "2099-01-01T00:00:00Z", null)).statusCode(201);
        as(ADMIN).delete(Api.BASE + charger + "/access-policy").then().statusCode(204);

        PublishedEvents events = PublishedEvents.get();
        List<Received> published = events.await(PublishedEvents.about(charger), 5, Duration.ofSeconds(15));
        // capability_changed, policy_changed v1, expected_mode_changed (override), policy_changed deleted,
        // expected_mode_changed (none).
        assertThat(published.stream().map(Received::type).toList(), equalTo(List.of(
                "charger_access.capability_changed", "charger_access.policy_changed",
                "charger_access.expected_mode_changed", "charger_access.policy_changed",
                "charger_access.expected_mode_changed")));
        for (Received event : published) {
            Set<ValidationMessage> errors = schema.validate(event.event());
            assertThat(event.type() + " " + errors, errors, empty());
            assertThat(event.contentType(), equalTo("application/cloudevents+json"));
            assertThat(event.durable(), is(true));
            assertThat(event.messageId(), equalTo(event.event().path("id").asText()));
            assertThat(event.event().path("source").asText(), equalTo("/access-policy-service"));
            assertThat(event.event().path("accountid").asText(), equalTo(ACCOUNT));
            assertThat(event.data().path("accountId").asText(), equalTo(ACCOUNT));
        }
        Received deleted = published.get(3);
        assertThat(deleted.data().path("deleted").asBoolean(), is(true));
        assertThat(deleted.data().path("version").asLong(), equalTo(2L));
        Received none = published.get(4);
        assertThat(none.data().path("source").asText(), equalTo("none"));
        assertThat(none.data().path("mode").asText(), equalTo("managed_access"));
        assertThat(none.data().path("previousMode").asText(), equalTo("managed_access"));
    }

    /**
     * modeUntil: a managed override ending inside a managed window is a boundary (until) but not the
     * end of managed access (modeUntil, the window's end). Editing the window's end moves only
     * modeUntil, and that alone is announced.
     */
    @Test
    void expectedModeChangedCarriesModeUntilAndAnnouncesItsMoves() {
        String charger = newChargerId("mode-until");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant overrideEnd = minute.plus(Duration.ofHours(1));
        Instant windowEnd = minute.plus(Duration.ofHours(3));
        Instant laterWindowEnd = minute.plus(Duration.ofHours(4));
        putPolicy(ADMIN, charger, managedDayAroundNow(minute, windowEnd, overrideEnd)).statusCode(201);
        Api.accessModeAt(ADMIN, charger, minute.toString()).statusCode(200)
                .body("until", equalTo(overrideEnd.toString())).body("modeUntil", equalTo(windowEnd.toString()));

        PublishedEvents events = PublishedEvents.get();
        Predicate<Received> modeChanges = PublishedEvents.about(charger)
                .and(PublishedEvents.type("charger_access.expected_mode_changed"));
        Received first = events.await(modeChanges, 1, Duration.ofSeconds(15)).get(0);
        assertThat(first.data().path("source").asText(), equalTo("override"));
        assertThat(first.data().path("until").asText(), equalTo(overrideEnd.toString()));
        assertThat(first.data().path("modeUntil").asText(), equalTo(windowEnd.toString()));

        // Same mode, source and boundary; only the end of managed access moves.
        putPolicy(ADMIN, charger, managedDayAroundNow(minute, laterWindowEnd, overrideEnd)).statusCode(200);
        Received second = events.await(modeChanges, 2, Duration.ofSeconds(15)).get(1);
        assertThat(second.data().path("policyVersion").asLong(), equalTo(2L));
        assertThat(second.data().path("until").asText(), equalTo(overrideEnd.toString()));
        assertThat(second.data().path("modeUntil").asText(), equalTo(laterWindowEnd.toString()));

        for (Received event : List.of(first, second)) {
            Set<ValidationMessage> errors = schema.validate(event.event());
            assertThat(errors.toString(), errors, empty());
        }
    }

    /** UTC, freevend by default, managed every day from two hours before {@code minute} to {@code end}, a managed override. */
    private static com.betterfleet.access.accesspolicy.support.PolicyBody managedDayAroundNow(Instant minute, Instant end,
            Instant overrideEnd) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String start = hhmm.format(LocalTime.ofInstant(minute.minus(Duration.ofHours(2)), ZoneOffset.UTC));
        return policyOf(ACCOUNT).zone("UTC")
                .with(window("day").from(start).to(hhmm.format(LocalTime.ofInstant(end, ZoneOffset.UTC))).managed())
                .override("managed_access", overrideEnd.toString(), "modeUntil sample");
    }

    @Test
    void schemaRejectsWhatItShould() {
        // Guard against a validator that accepts anything.
        var bad = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("specversion", "1.0").put("id", "x").put("source", "/access-policy-service")
                .put("type", "charger_access.expected_mode_changed").put("subject", "ch-1").put("time", "not a time")
                .put("datacontenttype", "application/json");
        bad.putObject("data").put("accountId", "acc").put("chargerId", "ch-1").put("mode", "sometimes");
        assertThat(schema.validate(bad).isEmpty(), is(false));
        Predicate<Received> unreadable = r -> r.event().has("unreadable");
        assertThat(PublishedEvents.get().all(unreadable), empty());
    }
}
