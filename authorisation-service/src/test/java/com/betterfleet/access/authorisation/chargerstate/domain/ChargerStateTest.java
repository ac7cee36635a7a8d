package com.betterfleet.access.authorisation.chargerstate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChargerStateTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private static ChargerEvent policy(long version, boolean deleted) {
        return new ChargerEvent.PolicyChanged("CP-1", "acc-A", "depot-1", version, deleted);
    }

    private static ChargerEvent mode(AccessMode mode, long policyVersion, int minute) {
        return new ChargerEvent.ExpectedModeChanged("CP-1", "acc-A", "depot-1", new ExpectedMode(mode,
                T0.plusSeconds(60L * minute), null, PolicySource.SCHEDULE, "w-" + minute, policyVersion));
    }

    /**
     * The same mode announced again {@code announcement} seconds later with its end moved (as the
     * ticker does when its horizon rolls forward): same version and effective time, later time.
     */
    private static ChargerEvent announced(AccessMode mode, long policyVersion, int minute, int announcement) {
        Instant effectiveAt = T0.plusSeconds(60L * minute);
        return new ChargerEvent.ExpectedModeChanged("CP-1", "acc-A", "depot-1", new ExpectedMode(mode, effectiveAt,
                effectiveAt.plusSeconds(600L + announcement), PolicySource.SCHEDULE, "w-" + minute, policyVersion, true,
                announcement == 0 ? null : effectiveAt.plusSeconds(3600L * announcement),
                effectiveAt.plusSeconds(announcement)));
    }

    private static String identity(ChargerEvent event) {
        if (event instanceof ChargerEvent.PolicyChanged p) {
            return "policy " + p.version();
        }
        ExpectedMode m = ((ChargerEvent.ExpectedModeChanged) event).expectedMode();
        return "mode " + m.policyVersion() + "@" + m.effectiveAt() + " announced " + m.announcedAt();
    }

    private static ChargerState applyAll(List<ChargerEvent> events) {
        ChargerState state = ChargerState.unknown("CP-1");
        for (ChargerEvent event : events) {
            state = state.apply(event).orElse(state);
        }
        return state;
    }

    @Test
    void olderPolicyAfterNewerIsIgnored() {
        ChargerState state = applyAll(List.of(policy(3, false)));
        assertTrue(state.apply(policy(2, false)).isEmpty());
        assertTrue(state.apply(policy(3, false)).isEmpty());
        assertEquals(3, state.policyVersion());
    }

    @Test
    void expectedModeAppliesOnlyIfNewerByVersionThenTime() {
        ChargerState state = applyAll(List.of(mode(AccessMode.FREEVEND, 2, 10)));
        assertTrue(state.apply(mode(AccessMode.MANAGED_ACCESS, 1, 20)).isEmpty());
        assertTrue(state.apply(mode(AccessMode.MANAGED_ACCESS, 2, 5)).isEmpty());
        assertEquals(AccessMode.MANAGED_ACCESS,
                state.apply(mode(AccessMode.MANAGED_ACCESS, 2, 11)).orElseThrow().expectedMode().mode());
    }

    @Test
    void aNewerExpectedModeReplacesModeUntilWholeNeverMergingIt() {
        ExpectedMode withModeUntil = new ExpectedMode(AccessMode.FREEVEND, T0, T0.plusSeconds(600), PolicySource.SCHEDULE,
                "w-1", 1, true, T0.plusSeconds(3600));
        ChargerState state = applyAll(List.of(new ChargerEvent.ExpectedModeChanged("CP-1", "acc-A", "depot-1",
                withModeUntil)));
        assertEquals(withModeUntil, state.expectedMode());
        // The next one comes from an older producer (a rollback): nothing of the previous modeUntil remains.
        ChargerState next = state.apply(mode(AccessMode.FREEVEND, 1, 10)).orElseThrow();
        assertEquals(false, next.expectedMode().modeUntilAnnounced());
        assertNull(next.expectedMode().modeUntil());
    }

    @Test
    void theSameModeAnnouncedAgainWithAMovedEndReplacesItAndTheOlderAnnouncementNeverComesBack() {
        ChargerEvent first = announced(AccessMode.FREEVEND, 3, 10, 1);
        ChargerEvent rolled = announced(AccessMode.FREEVEND, 3, 10, 2); // same version and effectiveAt, later time
        ChargerState state = applyAll(List.of(first));
        ChargerState next = state.apply(rolled).orElseThrow();
        assertEquals(((ChargerEvent.ExpectedModeChanged) rolled).expectedMode(), next.expectedMode());
        assertTrue(next.apply(first).isEmpty(), "the older announcement, redelivered, changes nothing");
        assertTrue(next.apply(rolled).isEmpty(), "the same announcement again changes nothing");
    }

    @Test
    void aModeStoredWithoutAnnouncementTimeGivesWayToAnyAnnouncedOneOfTheSameVersionAndTime() {
        ChargerState stored = applyAll(List.of(mode(AccessMode.FREEVEND, 3, 10))); // no announcedAt: older rows
        ChargerEvent announcedAgain = announced(AccessMode.FREEVEND, 3, 10, 1);
        assertEquals(((ChargerEvent.ExpectedModeChanged) announcedAgain).expectedMode(),
                stored.apply(announcedAgain).orElseThrow().expectedMode());
        ChargerState announced = applyAll(List.of(announcedAgain));
        assertTrue(announced.apply(mode(AccessMode.FREEVEND, 3, 10)).isEmpty());
    }

    @Test
    void deletedPolicyClearsTheModeAndKeepsATombstone() {
        ChargerState state = applyAll(List.of(policy(1, false), mode(AccessMode.FREEVEND, 1, 0), policy(2, true)));
        assertNull(state.expectedMode());
        assertTrue(state.policyDeleted());
        assertEquals(2, state.deletedVersion());
        assertEquals(AccessMode.MANAGED_ACCESS, ChargerAccess.at("CP-1", state, T0).mode());
        assertEquals(PolicySource.NONE, ChargerAccess.at("CP-1", state, T0).source());
        assertTrue(state.apply(mode(AccessMode.FREEVEND, 2, 30)).isEmpty(), "a mode of the deleted version is stale");
    }

    @Test
    void capabilityGivesProtocolAndFamilyInTimeOrder() {
        ChargerState state = applyAll(List.of(new ChargerEvent.CapabilityChanged("CP-1", "acc-A", OcppProtocol.OCPP201,
                "MicroOcpp", T0.plusSeconds(10))));
        assertTrue(state.apply(new ChargerEvent.CapabilityChanged("CP-1", "acc-A", OcppProtocol.OCPP16, "Zaptec", T0))
                .isEmpty());
        assertEquals(OcppProtocol.OCPP201, state.protocol());
        assertEquals("MicroOcpp", state.family());
    }

    @Property(tries = 200)
    void anyDeliveryOrderGivesTheSameState(@ForAll("events") List<ChargerEvent> events, @ForAll long seed) {
        List<ChargerEvent> shuffled = new ArrayList<>(events);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        ChargerState inOrder = applyAll(events);
        ChargerState anyOrder = applyAll(shuffled);
        assertEquals(inOrder.policyVersion(), anyOrder.policyVersion());
        assertEquals(inOrder.policyDeleted(), anyOrder.policyDeleted());
        assertEquals(inOrder.deletedVersion(), anyOrder.deletedVersion());
        assertEquals(inOrder.expectedMode(), anyOrder.expectedMode());
    }

    @Provide
    Arbitrary<List<ChargerEvent>> events() {
        Arbitrary<ChargerEvent> policies = Combinators.combine(Arbitraries.longs().between(1, 6), Arbitraries.of(true, false))
                .as(ChargerStateTest::policy);
        Arbitrary<ChargerEvent> modes = Combinators.combine(Arbitraries.of(AccessMode.values()),
                Arbitraries.longs().between(0, 6), Arbitraries.integers().between(0, 50)).as(ChargerStateTest::mode);
        Arbitrary<ChargerEvent> reannounced = Combinators.combine(Arbitraries.of(AccessMode.values()),
                Arbitraries.longs().between(0, 6), Arbitraries.integers().between(0, 5), Arbitraries.integers().between(1, 3))
                .as(ChargerStateTest::announced);
        // One snapshot per policy version and one expected mode per (version, time, announcement), as published.
        return Arbitraries.oneOf(policies, modes, reannounced).list().ofMaxSize(12)
                .uniqueElements(ChargerStateTest::identity);
    }
}
