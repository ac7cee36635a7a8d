package com.betterfleet.access.authorisation.chargerstate.domain;

import static com.betterfleet.access.authorisation.testdata.ChargerStateBuilder.freevendAt;
import static com.betterfleet.access.authorisation.testdata.ChargerStateBuilder.managedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The access situation at an instant, and what is known of when it ends. */
class ChargerAccessTest {
    private static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");
    private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));
    private static final Instant HOUR_AHEAD = NOW.plus(Duration.ofHours(1));
    private static final Instant THREE_HOURS_AHEAD = NOW.plus(Duration.ofHours(3));
    private static final Instant SECOND_AGO = NOW.minusSeconds(1);

    @Test
    void chargerNeverHeardOfIsManagedWithoutAccountOrEnd() {
        ChargerAccess a = ChargerAccess.at("CP-1", null, NOW);
        assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
        assertEquals(PolicySource.NONE, a.source());
        assertNull(a.accountId());
        assertNull(a.until());
        assertFalse(a.endPassed());
    }

    @Test
    void chargerWithoutPolicyIsManagedWithItsAccountAndNoEnd() {
        ChargerAccess a = ChargerAccess.at("CP-1", managedAt(NOW).withoutPolicy().build(), NOW);
        assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
        assertEquals(PolicySource.NONE, a.source());
        assertEquals("acc-A", a.accountId());
        assertNull(a.until());
        assertFalse(a.endPassed());
    }

    @Test
    void managedWithinItsPeriodEndsAtUntil() {
        ChargerAccess a = ChargerAccess.at("CP-1", managedAt(NOW).period(HOUR_AGO, HOUR_AHEAD).build(), NOW);
        assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
        assertEquals(HOUR_AHEAD, a.until());
        assertEquals("w-day", a.windowId());
        assertFalse(a.endPassed());
    }

    @Test
    void managedWithoutKnownEndHasNoneAndHasNotEnded() {
        ChargerAccess a = ChargerAccess.at("CP-1", managedAt(NOW).noEnd().build(), NOW);
        assertNull(a.until());
        assertFalse(a.endPassed());
    }

    @Test
    void managedWhoseEndHasPassedStaysManagedWithItsEndUnknown() {
        ChargerAccess a = ChargerAccess.at("CP-1", managedAt(NOW).period(HOUR_AGO, NOW.minusSeconds(1)).build(), NOW);
        assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
        assertNull(a.until(), "a past instant is no end of the current period");
        assertNull(a.windowId());
        assertTrue(a.endPassed());
    }

    @Test
    void aPeriodEndsAtItsUntilExactly() {
        assertTrue(ChargerAccess.at("CP-1", managedAt(NOW).period(HOUR_AGO, NOW).build(), NOW).endPassed());
        assertFalse(ChargerAccess.at("CP-1", managedAt(NOW).period(HOUR_AGO, NOW.plusNanos(1)).build(), NOW).endPassed());
    }

    @Test
    void freevendWithinItsPeriod() {
        ChargerAccess a = ChargerAccess.at("CP-1", freevendAt(NOW).period(HOUR_AGO, HOUR_AHEAD).build(), NOW);
        assertEquals(AccessMode.FREEVEND, a.mode());
        assertEquals(HOUR_AHEAD, a.until());
        assertFalse(a.endPassed());
    }

    @Test
    void freevendWhoseEndHasPassedIsManagedWithItsEndUnknown() {
        ChargerAccess a = ChargerAccess.at("CP-1", freevendAt(NOW).period(HOUR_AGO, NOW.minusSeconds(1)).build(), NOW);
        assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
        assertNull(a.until());
        assertTrue(a.endPassed());
    }

    @Test
    void freevendNotStartedYetIsManagedUntilItStarts() {
        ChargerAccess a = ChargerAccess.at("CP-1", freevendAt(NOW).period(NOW.plusSeconds(300), HOUR_AHEAD).build(), NOW);
        assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
        assertEquals(NOW.plusSeconds(300), a.until());
        assertFalse(a.endPassed());
    }

    @Test
    void withoutModeUntilTheBoundaryIsTheEndOfTheMode() {
        ExpectedMode old = managedAt(NOW).period(HOUR_AGO, HOUR_AHEAD).build().expectedMode();
        assertFalse(old.modeUntilAnnounced());
        assertEquals(HOUR_AHEAD, old.modeEnd());
    }

    @Test
    void modeUntilIsTheEndOfTheModeWhenAnnouncedEvenAsNone() {
        assertEquals(THREE_HOURS_AHEAD,
                managedAt(NOW).period(HOUR_AGO, HOUR_AHEAD).modeUntil(THREE_HOURS_AHEAD).build().expectedMode().modeEnd());
        assertNull(managedAt(NOW).period(HOUR_AGO, HOUR_AHEAD).modeUntil(null).build().expectedMode().modeEnd());
    }

    @Test
    void modeUntilCannotBeSetWithoutBeingAnnounced() {
        assertThrows(IllegalArgumentException.class, () -> new ExpectedMode(AccessMode.FREEVEND, HOUR_AGO, HOUR_AHEAD,
                PolicySource.SCHEDULE, "w", 1, false, THREE_HOURS_AHEAD));
    }

    /** Events that carry modeUntil: the end of the mode is modeUntil, not the next boundary. */
    @Nested
    class WithModeUntil {
        @Test
        void managedBeforeItsBoundaryEndsAtModeUntil() {
            ChargerAccess a = ChargerAccess.at("CP-1",
                    managedAt(NOW).period(HOUR_AGO, HOUR_AHEAD).modeUntil(THREE_HOURS_AHEAD).build(), NOW);
            assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
            assertEquals(THREE_HOURS_AHEAD, a.until());
            assertEquals("w-day", a.windowId());
            assertFalse(a.endPassed());
        }

        @Test
        void managedPastItsBoundaryButBeforeModeUntilGoesOnWithItsEndKnown() {
            ChargerAccess a = ChargerAccess.at("CP-1",
                    managedAt(NOW).period(HOUR_AGO, SECOND_AGO).modeUntil(THREE_HOURS_AHEAD).build(), NOW);
            assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
            assertEquals(THREE_HOURS_AHEAD, a.until());
            assertFalse(a.endPassed(), "a hand-over within managed access is not the end of it");
            assertNull(a.windowId(), "which window holds it after the hand-over is not known yet");
        }

        @Test
        void managedPastModeUntilHasItsEndUnknown() {
            ChargerAccess a = ChargerAccess.at("CP-1",
                    managedAt(NOW).period(HOUR_AGO.minusSeconds(60), HOUR_AGO).modeUntil(SECOND_AGO).build(), NOW);
            assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
            assertNull(a.until());
            assertTrue(a.endPassed());
        }

        @Test
        void freevendPastItsBoundaryButBeforeModeUntilStaysFreevend() {
            ChargerAccess a = ChargerAccess.at("CP-1",
                    freevendAt(NOW).period(HOUR_AGO, SECOND_AGO).modeUntil(THREE_HOURS_AHEAD).build(), NOW);
            assertEquals(AccessMode.FREEVEND, a.mode(), "passing until alone must not flip the charger to managed access");
            assertEquals(THREE_HOURS_AHEAD, a.until());
            assertFalse(a.endPassed());
            assertNull(a.windowId());
            assertEquals(PolicySource.SCHEDULE, a.source());
        }

        @Test
        void freevendBoundaryExactlyNowIsPassedButModeUntilHolds() {
            ChargerAccess a = ChargerAccess.at("CP-1",
                    freevendAt(NOW).period(HOUR_AGO, NOW).modeUntil(HOUR_AHEAD).build(), NOW);
            assertEquals(AccessMode.FREEVEND, a.mode());
            assertNull(a.windowId());
        }

        @Test
        void freevendPastModeUntilIsManagedFailClosed() {
            ChargerAccess a = ChargerAccess.at("CP-1",
                    freevendAt(NOW).period(HOUR_AGO.minusSeconds(60), HOUR_AGO).modeUntil(SECOND_AGO).build(), NOW);
            assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
            assertNull(a.until());
            assertTrue(a.endPassed());
        }

        @Test
        void freevendEndsAtModeUntilExactly() {
            ChargerState state = freevendAt(NOW).period(HOUR_AGO, HOUR_AGO.plusSeconds(60)).modeUntil(NOW).build();
            assertEquals(AccessMode.MANAGED_ACCESS, ChargerAccess.at("CP-1", state, NOW).mode());
            assertEquals(AccessMode.FREEVEND, ChargerAccess.at("CP-1", state, NOW.minusNanos(1)).mode());
        }

        @Test
        void freevendWithoutChangeOfModeAheadHasNoEndEvenPastItsBoundary() {
            for (Instant until : new Instant[] {HOUR_AHEAD, SECOND_AGO}) {
                ChargerAccess a = ChargerAccess.at("CP-1", freevendAt(NOW).period(HOUR_AGO, until).modeUntil(null).build(),
                        NOW);
                assertEquals(AccessMode.FREEVEND, a.mode(), "until " + until);
                assertNull(a.until());
                assertFalse(a.endPassed());
            }
        }

        @Test
        void managedWithoutChangeOfModeAheadHasNoEnd() {
            ChargerAccess a = ChargerAccess.at("CP-1", managedAt(NOW).period(HOUR_AGO, SECOND_AGO).modeUntil(null).build(),
                    NOW);
            assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
            assertNull(a.until());
            assertFalse(a.endPassed());
        }

        @Test
        void freevendNotStartedYetIsManagedUntilItStartsWhateverItsModeUntil() {
            ChargerAccess a = ChargerAccess.at("CP-1",
                    freevendAt(NOW).period(NOW.plusSeconds(300), HOUR_AHEAD).modeUntil(THREE_HOURS_AHEAD).build(), NOW);
            assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
            assertEquals(NOW.plusSeconds(300), a.until());
            assertFalse(a.endPassed());
        }

        @Test
        void aModeUntilBeforeUntilIsTakenAsTheEarlierEnd() {
            // Never sent by access-policy-service (modeUntil >= until); if it were, ending earlier is the safe reading.
            ChargerAccess a = ChargerAccess.at("CP-1",
                    freevendAt(NOW).period(HOUR_AGO, HOUR_AHEAD).modeUntil(SECOND_AGO).build(), NOW);
            assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
            assertTrue(a.endPassed());
        }

        @Test
        void withoutModeUntilPassingTheBoundaryStillFailsClosed() {
            ChargerAccess a = ChargerAccess.at("CP-1", freevendAt(NOW).period(HOUR_AGO, SECOND_AGO).build(), NOW);
            assertEquals(AccessMode.MANAGED_ACCESS, a.mode());
            assertTrue(a.endPassed());
        }
    }
}
