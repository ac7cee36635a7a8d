package com.betterfleet.access.accesspolicy.schedule.domain;

import static com.betterfleet.access.accesspolicy.schedule.domain.AccessMode.FREEVEND;
import static com.betterfleet.access.accesspolicy.schedule.domain.AccessMode.MANAGED_ACCESS;
import static com.betterfleet.access.accesspolicy.schedule.domain.WindowBuilder.window;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyValuesTest {
    private static final LocalTime SIX = LocalTime.of(6, 0);
    private static final LocalTime SIX_PM = LocalTime.of(18, 0);

    private static InvalidPolicyException refusedWindow(String id, Set<DayOfWeek> days, LocalTime start,
            LocalTime end, AccessMode mode, LocalDate validFrom, LocalDate validUntil) {
        return assertThrows(InvalidPolicyException.class,
                () -> new ScheduleWindow(id, days, start, end, mode, validFrom, validUntil, null));
    }

    @Test
    void modesAndSourcesRoundTripTheirWireValues() {
        for (AccessMode mode : AccessMode.values()) {
            assertEquals(mode, AccessMode.fromWire(mode.wire()));
        }
        for (PolicySource source : PolicySource.values()) {
            assertEquals(source, PolicySource.fromWire(source.wire()));
        }
        assertEquals("managed_access", MANAGED_ACCESS.wire());
        assertEquals("freevend", FREEVEND.wire());
        assertEquals("override", PolicySource.OVERRIDE.wire());
    }

    @Test
    void enumNamesAreNotWireValues() {
        assertThrows(IllegalArgumentException.class, () -> AccessMode.fromWire("MANAGED_ACCESS"));
        assertThrows(IllegalArgumentException.class, () -> AccessMode.fromWire(null));
        assertThrows(IllegalArgumentException.class, () -> PolicySource.fromWire("SCHEDULE"));
    }

    @Test
    void windowWithoutIdIsRefused() {
        assertEquals("id", refusedWindow(" ", Set.of(MONDAY), SIX, SIX_PM, FREEVEND, null, null).field());
        assertEquals("id", refusedWindow(null, Set.of(MONDAY), SIX, SIX_PM, FREEVEND, null, null).field());
        assertEquals("id", refusedWindow("x".repeat(65), Set.of(MONDAY), SIX, SIX_PM, FREEVEND, null, null).field());
    }

    @Test
    void windowWithoutDaysIsRefused() {
        assertEquals("daysOfWeek", refusedWindow("w", Set.of(), SIX, SIX_PM, FREEVEND, null, null).field());
        assertEquals("daysOfWeek", refusedWindow("w", null, SIX, SIX_PM, FREEVEND, null, null).field());
        Set<DayOfWeek> withNull = new HashSet<>();
        withNull.add(null);
        assertEquals("daysOfWeek", refusedWindow("w", withNull, SIX, SIX_PM, FREEVEND, null, null).field());
    }

    @Test
    void windowWithoutTimesOrModeIsRefused() {
        assertEquals("start", refusedWindow("w", Set.of(MONDAY), null, SIX_PM, FREEVEND, null, null).field());
        assertEquals("end", refusedWindow("w", Set.of(MONDAY), SIX, null, FREEVEND, null, null).field());
        assertEquals("mode", refusedWindow("w", Set.of(MONDAY), SIX, SIX_PM, null, null, null).field());
    }

    @Test
    void windowTimesFinerThanMinutesAreRefused() {
        assertEquals("start", refusedWindow("w", Set.of(MONDAY), LocalTime.of(6, 0, 30), SIX_PM, FREEVEND, null,
                null).field());
        assertEquals("end", refusedWindow("w", Set.of(MONDAY), SIX, LocalTime.of(18, 0, 0, 1), FREEVEND, null,
                null).field());
    }

    @Test
    void validUntilBeforeValidFromIsRefused() {
        assertEquals("validUntil", refusedWindow("w", Set.of(MONDAY), SIX, SIX_PM, FREEVEND,
                LocalDate.parse("2026-07-02"), LocalDate.parse("2026-07-01")).field());
    }

    @Test
    void singleDayValidityIsAccepted() {
        ScheduleWindow window = window("w").validFrom("2026-07-01").validUntil("2026-07-01").build();
        assertTrue(window.startsOn(LocalDate.parse("2026-07-01")));
        assertFalse(window.startsOn(LocalDate.parse("2026-07-02")));
    }

    @Test
    void windowIsImmutableAfterConstruction() {
        Set<DayOfWeek> days = EnumSet.of(MONDAY);
        Set<LocalDate> except = new HashSet<>(Set.of(LocalDate.parse("2026-12-25")));
        ScheduleWindow window = new ScheduleWindow("w", days, SIX, SIX_PM, FREEVEND, null, null, except);
        days.add(FRIDAY);
        except.clear();
        assertEquals(Set.of(MONDAY), window.daysOfWeek());
        assertEquals(Set.of(LocalDate.parse("2026-12-25")), window.exceptDates());
        assertThrows(UnsupportedOperationException.class, () -> window.daysOfWeek().add(FRIDAY));
    }

    @Test
    void missingExceptDatesMeanNone() {
        assertEquals(Set.of(), ScheduleWindow.weekly("w", Set.of(MONDAY), SIX, SIX_PM, FREEVEND).exceptDates());
    }

    @Test
    void endAtOrBeforeStartEndsNextDay() {
        assertTrue(window("w").between("22:00", "06:00").build().endsNextDay());
        assertTrue(window("w").between("06:00", "06:00").build().endsNextDay());
        assertTrue(window("w").between("18:00", "00:00").build().endsNextDay());
        assertFalse(window("w").between("00:00", "06:00").build().endsNextDay());
        assertEquals(LocalDate.parse("2026-06-02"),
                window("w").between("22:00", "06:00").build().endDate(LocalDate.parse("2026-06-01")));
    }

    @Test
    void policyNeedsZoneAndDefaultMode() {
        assertEquals("timeZone", assertThrows(InvalidPolicyException.class,
                () -> new AccessPolicy(null, FREEVEND, List.of(), null, 1)).field());
        assertEquals("defaultMode", assertThrows(InvalidPolicyException.class,
                () -> new AccessPolicy(ZoneId.of("UTC"), null, List.of(), null, 1)).field());
    }

    @Test
    void policyWithTwoWindowsOfOneIdIsRefused() {
        List<ScheduleWindow> windows = List.of(window("w").on(MONDAY).build(), window("w").on(FRIDAY).build());
        assertEquals("windows", assertThrows(InvalidPolicyException.class,
                () -> new AccessPolicy(ZoneId.of("UTC"), FREEVEND, windows, null, 1)).field());
    }

    @Test
    void policyWithOverlappingWindowsCanBeBuiltForTheSaveCheckToRefuse() {
        List<ScheduleWindow> windows = List.of(window("a").on(MONDAY).build(), window("b").on(MONDAY).build());
        AccessPolicy policy = new AccessPolicy(ZoneId.of("UTC"), FREEVEND, windows, null, 1);
        assertEquals(1, WindowOverlaps.find(policy.windows()).size());
    }

    @Test
    void policyCopiesItsWindows() {
        List<ScheduleWindow> windows = new ArrayList<>(List.of(window("a").build()));
        AccessPolicy policy = new AccessPolicy(ZoneId.of("UTC"), FREEVEND, windows, null, 1);
        windows.clear();
        assertEquals(1, policy.windows().size());
        assertEquals(List.of(), new AccessPolicy(ZoneId.of("UTC"), FREEVEND, null, null, 0).windows());
    }

    @Test
    void overrideNeedsModeAndUntil() {
        assertEquals("mode", assertThrows(InvalidPolicyException.class,
                () -> new AccessOverride(null, Instant.EPOCH, null)).field());
        assertEquals("until", assertThrows(InvalidPolicyException.class,
                () -> new AccessOverride(FREEVEND, null, null)).field());
        assertEquals("reason", assertThrows(InvalidPolicyException.class,
                () -> new AccessOverride(FREEVEND, Instant.EPOCH, "x".repeat(501))).field());
    }

    @Test
    void overrideAppliesOnlyBeforeItsEnd() {
        AccessOverride override = new AccessOverride(FREEVEND, Instant.parse("2026-06-01T10:00:00Z"), null);
        assertTrue(override.appliesAt(Instant.parse("2026-06-01T09:59:59.999999999Z")));
        assertFalse(override.appliesAt(Instant.parse("2026-06-01T10:00:00Z")));
    }

    @Test
    void resolvedIntervalMustNotBeEmpty() {
        Instant now = Instant.parse("2026-06-01T10:00:00Z");
        assertThrows(IllegalArgumentException.class,
                () -> new ResolvedInterval(FREEVEND, now, now, PolicySource.DEFAULT, null));
    }
}
