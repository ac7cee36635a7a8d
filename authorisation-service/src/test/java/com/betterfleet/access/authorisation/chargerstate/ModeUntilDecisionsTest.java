package com.betterfleet.access.authorisation.chargerstate;

import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.capabilityChanged;
import static com.betterfleet.access.authorisation.testdata.PolicyEventBuilder.expectedModeChanged;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Broker;
import com.betterfleet.access.authorisation.testsupport.ChargerStates;
import com.betterfleet.access.authorisation.testsupport.Database;

import io.quarkus.test.junit.QuarkusTest;

/**
 * modeUntil end to end: the event on the broker, charger_state (V3 columns), the replica's
 * in-memory state loaded from it, and the Authorize answer. Passing {@code until} (a hand-over
 * between windows of the same mode) no longer ends the mode; passing {@code modeUntil} does.
 */
@QuarkusTest
class ModeUntilDecisionsTest {
    @Inject
    ReplicaState state;

    private static String charger() {
        return "CP-MU-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Instant inWholeSeconds(Duration fromNow) {
        return Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void freevendGoesOnPastAWindowHandOverUntilModeUntil() {
        String cp = charger();
        Instant handOver = inWholeSeconds(Duration.ofMinutes(-1));
        Instant modeUntil = inWholeSeconds(Duration.ofHours(1));
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 1,
                Instant.now().minus(Duration.ofHours(2))).until(handOver).modeUntil(modeUntil).json(),
                s -> s.expectedMode() != null && s.expectedMode().modeUntilAnnounced());

        Api.authorise(cp, "VISITOR-1", null).statusCode(200)
                .body("status", equalTo("Accepted")).body("reason", equalTo("freevend"))
                .body("accessMode", equalTo("freevend")).body("expiryDate", equalTo(modeUntil.toString()));
        assertEquals(1, Database.count("SELECT count(*) FROM charger_state WHERE charger_id = ? AND mode_change_announced "
                + "AND mode_change_at = ?::timestamptz AND mode_until = ?::timestamptz", cp, modeUntil.toString(),
                handOver.toString()), "stored next to until");
    }

    @Test
    void freevendPastModeUntilIsManagedAccess() {
        String cp = charger();
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 1,
                Instant.now().minus(Duration.ofHours(2))).until(inWholeSeconds(Duration.ofHours(-1)))
                .modeUntil(inWholeSeconds(Duration.ofMinutes(-1))).json(),
                s -> s.expectedMode() != null && s.expectedMode().modeUntilAnnounced());

        Api.authorise(cp, "VISITOR-1", null).statusCode(200)
                .body("status", equalTo("Invalid")).body("reason", equalTo("unknown_identifier"))
                .body("accessMode", equalTo("managed_access"));
    }

    @Test
    void withoutModeUntilPassingUntilStillFailsClosed() {
        String cp = charger();
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 1,
                Instant.now().minus(Duration.ofHours(2))).until(inWholeSeconds(Duration.ofMinutes(-1))).json(),
                s -> s.expectedMode() != null);

        Api.authorise(cp, "VISITOR-1", null).statusCode(200)
                .body("reason", equalTo("unknown_identifier")).body("accessMode", equalTo("managed_access"));
        assertEquals(1, Database.count("SELECT count(*) FROM charger_state WHERE charger_id = ? "
                + "AND NOT mode_change_announced AND mode_change_at IS NULL", cp));
    }

    @Test
    void managedAccessExpiryDateIsTheEndOfManagedAccessNotTheNextWindow() {
        String cp = charger();
        String tag = "MU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant modeUntil = inWholeSeconds(Duration.ofHours(3));
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "managed_access", 1,
                Instant.now().minus(Duration.ofHours(1))).until(inWholeSeconds(Duration.ofHours(1)))
                .modeUntil(modeUntil).json(), s -> s.expectedMode() != null && s.expectedMode().modeUntilAnnounced());
        Api.register(List.of(IdentifierItemBuilder.ownFleet("acc-A", tag).type("Local").map()));

        Api.authorise(cp, tag, null).statusCode(200)
                .body("status", equalTo("Accepted")).body("reason", equalTo("own_fleet"))
                .body("expiryDate", equalTo(modeUntil.toString()));
    }

    @Test
    void modeUntilNullMeansNoEndSoAPassedBoundaryKeepsTheMode() {
        String cp = charger();
        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 1,
                Instant.now().minus(Duration.ofHours(2))).until(inWholeSeconds(Duration.ofMinutes(-1))).modeUntilNone()
                .json(), s -> s.expectedMode() != null && s.expectedMode().modeUntilAnnounced());

        Api.authorise(cp, "VISITOR-1", null).statusCode(200)
                .body("reason", equalTo("freevend")).body("expiryDate", nullValue());
    }

    /**
     * The ticker announces the same mode again when only its end moves (its horizon rolled forward
     * to the next change): same policy version and effectiveAt, later time. The later announcement
     * wins, on the broker path and in charger_state (V4), and an older one redelivered afterwards
     * changes nothing.
     */
    @Test
    void theSameModeAnnouncedAgainWithItsEndNowKnownGivesFreevendAnExpiryDate() {
        String cp = charger();
        Instant effectiveAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant firstAnnounced = effectiveAt.plusSeconds(1);
        Instant modeUntil = inWholeSeconds(Duration.ofHours(5));
        String noEndYet = expectedModeChanged(cp, "acc-A", "freevend", 4, effectiveAt).modeUntilNone()
                .at(firstAnnounced).json();
        ChargerStates.publishAndAwait(state, cp, noEndYet,
                s -> s.expectedMode() != null && s.expectedMode().modeUntilAnnounced());
        Api.authorise(cp, "VISITOR-1", null).statusCode(200).body("reason", equalTo("freevend"))
                .body("expiryDate", nullValue());

        ChargerStates.publishAndAwait(state, cp, expectedModeChanged(cp, "acc-A", "freevend", 4, effectiveAt)
                .modeUntil(modeUntil).at(firstAnnounced.plus(Duration.ofHours(1))).json(),
                s -> s.expectedMode() != null && modeUntil.equals(s.expectedMode().modeUntil()));
        Api.authorise(cp, "VISITOR-1", null).statusCode(200).body("reason", equalTo("freevend"))
                .body("expiryDate", equalTo(modeUntil.toString()));

        // the first announcement again (a redelivery), then a marker event to know it was processed
        Broker.publishEvent(noEndYet);
        ChargerStates.publishAndAwait(state, cp, capabilityChanged(cp, "acc-A", "ocpp1.6", "Zaptec").json(),
                s -> "Zaptec".equals(s.family()));
        assertEquals(modeUntil, state.charger(cp).expectedMode().modeUntil());
        assertEquals(1, Database.count("SELECT count(*) FROM charger_state WHERE charger_id = ? "
                + "AND mode_change_at = ?::timestamptz AND mode_announced_at = ?::timestamptz", cp, modeUntil.toString(),
                firstAnnounced.plus(Duration.ofHours(1)).toString()));
    }
}
