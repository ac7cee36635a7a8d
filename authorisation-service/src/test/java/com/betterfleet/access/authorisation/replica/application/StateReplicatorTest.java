package com.betterfleet.access.authorisation.replica.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
import com.betterfleet.access.authorisation.replica.adapter.in.health.StateLoadedReadinessCheck;
import com.betterfleet.access.authorisation.shared.config.StateConfig;
import com.betterfleet.access.authorisation.testdata.ChargerStateBuilder;
import com.betterfleet.access.authorisation.testdata.RegisteredIdentifierBuilder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Replication keeps going past what it cannot read or reach: identifiers and charger states are
 * read independently, an unreadable row is skipped, and readiness says when the state is stale.
 */
class StateReplicatorTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Rows queued per table; a table may be made to fail. */
    static final class FakeSource implements StateChangeSource {
        final List<IdentifierChange> identifiers = new ArrayList<>();
        final List<ChargerChange> chargers = new ArrayList<>();
        final List<Long> identifierCursors = new ArrayList<>();
        boolean identifiersFail;
        boolean chargersFail;

        @Override
        public Uni<List<IdentifierChange>> identifierChangesAfter(long changeSeq, int limit) {
            identifierCursors.add(changeSeq);
            if (identifiersFail) {
                return Uni.createFrom().failure(new IllegalStateException("identifier query failed"));
            }
            return Uni.createFrom().item(identifiers.stream().filter(c -> c.changeSeq() > changeSeq).limit(limit).toList());
        }

        @Override
        public Uni<List<ChargerChange>> chargerChangesAfter(long changeSeq, int limit) {
            if (chargersFail) {
                return Uni.createFrom().failure(new IllegalStateException("charger query failed"));
            }
            return Uni.createFrom().item(chargers.stream().filter(c -> c.changeSeq() > changeSeq).limit(limit).toList());
        }
    }

    private static final StateConfig CONFIG = new StateConfig() {
        @Override
        public Duration pollInterval() {
            return Duration.ofMillis(500);
        }

        @Override
        public int pageSize() {
            return 100;
        }

        @Override
        public Duration maxSyncAge() {
            return Duration.ofSeconds(30);
        }
    };

    private final TestClock clock = new TestClock();
    private final FakeSource source = new FakeSource();
    private final ReplicaState state = new ReplicaState();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    // No Vert.x: the periodic timer is only started by the startup event, which a unit test does not fire.
    private final StateReplicator replicator = new StateReplicator(state, source, CONFIG, null, clock, meters);
    private final StateLoadedReadinessCheck readiness = new StateLoadedReadinessCheck(state, replicator, CONFIG);

    private void pass() {
        replicator.refresh().onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(5));
    }

    private boolean ready() {
        return readiness.call().getStatus() == HealthCheckResponse.Status.UP;
    }

    private double unreadable(String kind) {
        return meters.counter("authorisation.state.unreadable.rows", "kind", kind).count();
    }

    @Test
    void chargerStatesAreReadWhileIdentifiersCannotBe() {
        source.identifiersFail = true;
        source.chargers.add(new StateChangeSource.ChargerChange(1, ChargerStateBuilder.managedAt(T0).build()));
        assertThrows(RuntimeException.class, () -> replicator.refresh().await().atMost(Duration.ofSeconds(5)));
        assertNotNull(state.charger("CP-1"), "a failing identifier query must not hold charger states back");
        assertTrue(!state.loaded(), "not loaded before identifiers were read once");
    }

    @Test
    void rowThisVersionCannotReadIsSkippedAndTheCursorMovesPastIt() {
        RegisteredIdentifier card = RegisteredIdentifierBuilder.ownFleet().build();
        RegisteredIdentifier other = RegisteredIdentifierBuilder.ownFleet().token("04A23F9B", IdTokenType.ISO14443).build();
        source.identifiers.add(new StateChangeSource.IdentifierChange(1, card.accountId(), card.idHash(), card));
        source.chargers.add(new StateChangeSource.ChargerChange(2, ChargerStateBuilder.managedAt(T0).build()));
        pass();
        assertNotNull(state.charger("CP-1"));
        source.identifiers.add(StateChangeSource.IdentifierChange.unreadable(3, card.accountId(), card.idHash()));
        source.identifiers.add(new StateChangeSource.IdentifierChange(4, other.accountId(), other.idHash(), other));
        source.chargers.add(StateChangeSource.ChargerChange.unreadable(5, "CP-1"));
        pass();
        assertEquals(List.of(), state.identifiers(card.idHash()), "what a superseded row said is not decided on");
        assertEquals(1, state.identifiers(other.idHash()).size(), "the change after the unreadable row is applied");
        assertNull(state.charger("CP-1"), "nor what a superseded charger row said");
        assertEquals(1, unreadable("identifier"));
        assertEquals(1, unreadable("charger"));
        pass();
        assertEquals(4L, source.identifierCursors.get(source.identifierCursors.size() - 1), "the next read starts after it");
        assertEquals(1, unreadable("identifier"), "skipped once, not on every pass");
        assertTrue(ready());
    }

    @Test
    void readinessReportsReplicationBehindWithoutLeavingService() {
        assertTrue(!ready(), "not ready before the initial load");
        pass();
        assertTrue(ready());
        assertEquals(true, syncCurrent());
        source.chargersFail = true;
        clock.now = T0.plusSeconds(30);
        pass();
        assertEquals(true, syncCurrent(), "at the limit: still current");
        clock.now = T0.plusSeconds(31);
        pass();
        assertEquals(false, syncCurrent(), "charger states last read 31 s ago: behind");
        assertTrue(ready(), "behind, but still answering: with the database away no replica is more current");
        assertEquals(31_000L, readiness.call().getData().orElseThrow().get("lastSyncAgeMillis"));
        assertEquals(31.0, meters.get("authorisation.state.sync.age").gauge().value(), 0.001);
        source.chargersFail = false;
        pass();
        assertEquals(true, syncCurrent(), "current again once a pass reads everything");
    }

    private Object syncCurrent() {
        return readiness.call().getData().orElseThrow().get("syncCurrent");
    }
}
