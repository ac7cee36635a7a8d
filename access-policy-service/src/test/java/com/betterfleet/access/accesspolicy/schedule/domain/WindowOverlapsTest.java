package com.betterfleet.access.accesspolicy.schedule.domain;

import static com.betterfleet.access.accesspolicy.schedule.domain.WindowBuilder.window;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowOverlapsTest {

    private static List<WindowOverlap> overlaps(WindowBuilder... windows) {
        return WindowOverlaps.find(Arrays.stream(windows).map(WindowBuilder::build).toList());
    }

    @Test
    void sameDayWindowsSharingAnHourOverlap() {
        assertEquals(List.of(new WindowOverlap("day", "lunch", MONDAY, MONDAY)), overlaps(
                window("day").on(MONDAY).between("06:00", "18:00"),
                window("lunch").on(MONDAY, TUESDAY).between("12:00", "13:00")));
    }

    @Test
    void overnightWindowOverlapsTheNextMorning() {
        assertEquals(List.of(new WindowOverlap("night", "morning", MONDAY, TUESDAY)), overlaps(
                window("night").on(MONDAY).between("22:00", "06:00"),
                window("morning").on(TUESDAY).between("05:00", "07:00")));
    }

    @Test
    void sundayNightOverlapsMondayMorningAcrossTheWeekEnd() {
        assertEquals(List.of(new WindowOverlap("morning", "night", MONDAY, SUNDAY)), overlaps(
                window("morning").on(MONDAY).between("05:00", "07:00"),
                window("night").on(SUNDAY).between("22:00", "06:00")));
    }

    @Test
    void overnightWindowDoesNotReachADayLater() {
        assertEquals(List.of(), overlaps(
                window("night").on(MONDAY).between("22:00", "06:00"),
                window("morning").on(WEDNESDAY).between("05:00", "07:00")));
    }

    @Test
    void touchingWindowsDoNotOverlap() {
        assertEquals(List.of(), overlaps(
                window("day").weekdays().between("06:00", "18:00"),
                window("evening").weekdays().between("18:00", "22:00"),
                window("night").weekdays().between("22:00", "06:00")));
    }

    @Test
    void windowEndingAtMidnightTouchesTheNextDayMidnightWindow() {
        assertEquals(List.of(), overlaps(
                window("evening").on(MONDAY).between("18:00", "00:00"),
                window("early").on(TUESDAY).between("00:00", "06:00")));
    }

    @Test
    void fullDayWindowsOnConsecutiveDaysDoNotOverlap() {
        assertEquals(List.of(), overlaps(
                window("monday").on(MONDAY).between("06:00", "06:00"),
                window("tuesday").on(TUESDAY).between("06:00", "06:00")));
    }

    @Test
    void fullDayWindowOverlapsTheNextMorningOfItsEnd() {
        assertEquals(1, overlaps(
                window("monday").on(MONDAY).between("06:00", "06:00"),
                window("tuesday-early").on(TUESDAY).between("05:00", "05:30")).size());
    }

    @Test
    void windowsOnDifferentDaysDoNotOverlap() {
        assertEquals(List.of(), overlaps(
                window("monday").on(MONDAY).between("06:00", "18:00"),
                window("tuesday").on(TUESDAY).between("06:00", "18:00")));
    }

    @Test
    void windowsWithDisjointValidityDoNotOverlap() {
        assertEquals(List.of(), overlaps(
                window("summer").everyDay().between("06:00", "18:00").validFrom("2026-04-01").validUntil("2026-09-30"),
                window("winter").everyDay().between("08:00", "16:00").validFrom("2026-10-01")));
    }

    @Test
    void windowsWithIntersectingValidityOverlap() {
        assertEquals(1, overlaps(
                window("summer").everyDay().between("06:00", "18:00").validUntil("2026-10-01"),
                window("winter").everyDay().between("08:00", "16:00").validFrom("2026-10-01")).size());
    }

    @Test
    void lastValidNightOverlapsTheFirstMorningOfTheNextWindow() {
        assertEquals(List.of(new WindowOverlap("old-nights", "new-mornings", WEDNESDAY, THURSDAY)), overlaps(
                window("old-nights").everyDay().between("22:00", "06:00").validUntil("2026-09-30"),
                window("new-mornings").everyDay().between("05:00", "07:00").validFrom("2026-10-01")));
    }

    @Test
    void validityAllowingOnlyOtherWeekdaysDoesNotOverlap() {
        // 2026-12-25 is a Friday; the Monday window cannot start on a date the other window allows.
        assertEquals(List.of(), overlaps(
                window("monday").on(MONDAY).between("06:00", "18:00"),
                window("christmas").everyDay().between("00:00", "00:00").validFrom("2026-12-25")
                        .validUntil("2026-12-25")));
    }

    @Test
    void holidayWindowReplacingAnExceptedDayIsAccepted() {
        assertEquals(List.of(), overlaps(
                window("office").weekdays().between("06:00", "18:00").except("2026-12-25"),
                window("christmas").everyDay().between("00:00", "00:00").validFrom("2026-12-25")
                        .validUntil("2026-12-25").freevend()));
    }

    @Test
    void holidayWindowStillMeetsTheOvernightRunFromTheDayBefore() {
        assertEquals(List.of(new WindowOverlap("nights", "christmas", THURSDAY, FRIDAY)), overlaps(
                window("nights").everyDay().between("22:00", "06:00").except("2026-12-25"),
                window("christmas").everyDay().between("00:00", "00:00").validFrom("2026-12-25")
                        .validUntil("2026-12-25").freevend()));
    }

    @Test
    void exceptDateRemovingOnlyOneOfTwoSharedDaysStillOverlaps() {
        // Two Fridays in range, only one excepted.
        assertEquals(1, overlaps(
                window("office").weekdays().between("06:00", "18:00").except("2026-12-25"),
                window("festive").on(FRIDAY).between("10:00", "12:00").validFrom("2026-12-21")
                        .validUntil("2027-01-03")).size());
    }

    @Test
    void everyOverlappingPairIsReportedOnce() {
        assertEquals(List.of(
                new WindowOverlap("a", "b", MONDAY, MONDAY),
                new WindowOverlap("a", "c", MONDAY, MONDAY),
                new WindowOverlap("b", "c", MONDAY, MONDAY)), overlaps(
                window("a").on(MONDAY).between("06:00", "18:00"),
                window("b").on(MONDAY).between("07:00", "17:00"),
                window("c").on(MONDAY).between("08:00", "16:00")));
    }

    @Test
    void firstOverlapIsTheFirstPairInListOrder() {
        List<ScheduleWindow> windows = List.of(
                window("a").on(MONDAY).between("06:00", "08:00").build(),
                window("b").on(TUESDAY).between("06:00", "18:00").build(),
                window("c").on(TUESDAY).between("07:00", "09:00").build());
        assertEquals(Optional.of(new WindowOverlap("b", "c", TUESDAY, TUESDAY)), WindowOverlaps.findFirst(windows));
        assertTrue(WindowOverlaps.findFirst(windows.subList(0, 2)).isEmpty());
    }
}
