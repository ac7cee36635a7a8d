package com.betterfleet.access.authorisation.chargerstate.domain;

import static com.betterfleet.access.authorisation.testdata.ChargerStateBuilder.freevendAt;
import static com.betterfleet.access.authorisation.testdata.ChargerStateBuilder.managedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The access situation at an instant, and what is known of when it ends. */
class ChargerAccessTest {
    private static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");
    private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));
    private static final Instant HOUR_AHEAD = NOW.plus(Duration.ofHours(1));

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
}
