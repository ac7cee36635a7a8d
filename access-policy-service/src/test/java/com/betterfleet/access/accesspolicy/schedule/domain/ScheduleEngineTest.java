package com.betterfleet.access.accesspolicy.schedule.domain;

import static com.betterfleet.access.accesspolicy.schedule.domain.AccessMode.FREEVEND;
import static com.betterfleet.access.accesspolicy.schedule.domain.AccessMode.MANAGED_ACCESS;
import static com.betterfleet.access.accesspolicy.schedule.domain.Instants.at;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicyBuilder.policy;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicySource.DEFAULT;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicySource.OVERRIDE;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicySource.SCHEDULE;
import static com.betterfleet.access.accesspolicy.schedule.domain.WindowBuilder.window;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScheduleEngineTest {
    private static final String LONDON = "Europe/London";

    private static ExpectedMode modeAt(AccessPolicy policy, String instant) {
        return ScheduleEngine.expectedModeAt(policy, at(instant));
    }

    private static ResolvedInterval interval(AccessMode mode, String from, String to, PolicySource source,
            String windowId) {
        return new ResolvedInterval(mode, at(from), at(to), source, windowId);
    }

    private static void assertState(ExpectedMode expected, AccessMode mode, PolicySource source, String windowId) {
        assertEquals(mode, expected.mode(), "mode");
        assertEquals(source, expected.source(), "source");
        assertEquals(windowId, expected.windowId(), "windowId");
    }

    /** Issue 3: Europe/London, Monday to Friday 06:00-18:00 managed, freevend otherwise. */
    @Nested
    class OfficeHours {
        private final AccessPolicy policy = policy(LONDON).freevendByDefault().version(7)
                .with(window("office").weekdays().between("06:00", "18:00").managed())
                .build();

        @Test
        void freevendOneSecondBeforeSixOnMonday() {
            ExpectedMode mode = modeAt(policy, "2026-06-01T05:59:59+01:00");
            assertState(mode, FREEVEND, DEFAULT, null);
            assertEquals(at("2026-06-01T06:00:00+01:00"), mode.until());
            assertEquals(at("2026-05-29T18:00:00+01:00"), mode.since(), "freevend since Friday evening");
        }

        @Test
        void managedFromSixOnMonday() {
            ExpectedMode mode = modeAt(policy, "2026-06-01T06:00:00+01:00");
            assertEquals(new ExpectedMode(MANAGED_ACCESS, at("2026-06-01T06:00:00+01:00"),
                    at("2026-06-01T18:00:00+01:00"), at("2026-06-01T18:00:00+01:00"), SCHEDULE, "office", 7), mode);
        }

        @Test
        void freevendAgainAtSixInTheEvening() {
            assertState(modeAt(policy, "2026-06-01T17:59:59.999999999+01:00"), MANAGED_ACCESS, SCHEDULE, "office");
            assertState(modeAt(policy, "2026-06-01T18:00:00+01:00"), FREEVEND, DEFAULT, null);
        }

        @Test
        void winterHoursAreGreenwichTime() {
            assertState(modeAt(policy, "2026-01-05T05:59:59Z"), FREEVEND, DEFAULT, null);
            assertState(modeAt(policy, "2026-01-05T06:00:00Z"), MANAGED_ACCESS, SCHEDULE, "office");
        }

        @Test
        void weekendIsFreevendFromFridayEveningToMondayMorning() {
            ExpectedMode mode = modeAt(policy, "2026-06-06T12:00:00+01:00");
            assertState(mode, FREEVEND, DEFAULT, null);
            assertEquals(at("2026-06-05T18:00:00+01:00"), mode.since());
            assertEquals(at("2026-06-08T06:00:00+01:00"), mode.until());
        }

        @Test
        void resolvedWeekAlternatesElevenTimes() {
            List<ResolvedInterval> week = ScheduleEngine.resolve(policy, at("2026-06-01T00:00:00+01:00"),
                    at("2026-06-08T00:00:00+01:00"));
            assertEquals(11, week.size());
            assertEquals(interval(FREEVEND, "2026-06-01T00:00:00+01:00", "2026-06-01T06:00:00+01:00", DEFAULT, null),
                    week.get(0));
            assertEquals(interval(MANAGED_ACCESS, "2026-06-01T06:00:00+01:00", "2026-06-01T18:00:00+01:00", SCHEDULE,
                    "office"), week.get(1));
            assertEquals(interval(FREEVEND, "2026-06-05T18:00:00+01:00", "2026-06-08T00:00:00+01:00", DEFAULT, null),
                    week.get(10));
        }

        @Test
        void nextBoundaryIsTheNextSixOClock() {
            assertEquals(Optional.of(at("2026-06-01T18:00:00+01:00")),
                    ScheduleEngine.nextBoundary(policy, at("2026-06-01T06:00:00+01:00")));
            assertEquals(Optional.of(at("2026-06-02T06:00:00+01:00")),
                    ScheduleEngine.nextBoundary(policy, at("2026-06-01T18:00:00+01:00")));
        }

        @Test
        void resolveCutsTheRangeAtNanosecondEdges() {
            Instant from = at("2026-06-01T05:59:59.999999999+01:00");
            Instant to = at("2026-06-01T06:00:00.000000001+01:00");
            assertEquals(List.of(
                    new ResolvedInterval(FREEVEND, from, at("2026-06-01T06:00:00+01:00"), DEFAULT, null),
                    new ResolvedInterval(MANAGED_ACCESS, at("2026-06-01T06:00:00+01:00"), to, SCHEDULE, "office")),
                    ScheduleEngine.resolve(policy, from, to));
        }

        @Test
        void emptyRangeResolvesToNothing() {
            Instant instant = at("2026-06-01T12:00:00+01:00");
            assertEquals(List.of(), ScheduleEngine.resolve(policy, instant, instant));
        }

        @Test
        void reversedRangeIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> ScheduleEngine.resolve(policy,
                    at("2026-06-02T00:00:00Z"), at("2026-06-01T00:00:00Z")));
        }
    }

    /** Issue 3: an overnight window Saturday 22:00-06:00 covers Sunday 03:00, and not Sunday 06:00. */
    @Nested
    class OvernightWindow {
        private final AccessPolicy policy = policy(LONDON).freevendByDefault()
                .with(window("saturday-night").on(SATURDAY).between("22:00", "06:00").managed())
                .build();

        @Test
        void saturdayNightWindowCoversSundayThreeAm() {
            ExpectedMode mode = modeAt(policy, "2026-06-07T03:00:00+01:00");
            assertState(mode, MANAGED_ACCESS, SCHEDULE, "saturday-night");
            assertEquals(at("2026-06-06T22:00:00+01:00"), mode.since());
            assertEquals(at("2026-06-07T06:00:00+01:00"), mode.until());
        }

        @Test
        void saturdayNightWindowEndsAtSundaySix() {
            assertState(modeAt(policy, "2026-06-07T05:59:59+01:00"), MANAGED_ACCESS, SCHEDULE, "saturday-night");
            assertState(modeAt(policy, "2026-06-07T06:00:00+01:00"), FREEVEND, DEFAULT, null);
        }

        @Test
        void saturdayNightWindowStartsAtTenOnSaturday() {
            assertState(modeAt(policy, "2026-06-06T21:59:59+01:00"), FREEVEND, DEFAULT, null);
            assertState(modeAt(policy, "2026-06-06T22:00:00+01:00"), MANAGED_ACCESS, SCHEDULE, "saturday-night");
        }

        @Test
        void sundayNightDoesNotStartTheSaturdayWindow() {
            assertState(modeAt(policy, "2026-06-07T23:00:00+01:00"), FREEVEND, DEFAULT, null);
            assertState(modeAt(policy, "2026-06-08T03:00:00+01:00"), FREEVEND, DEFAULT, null);
        }
    }

    /** Issue 3: a window with exceptDates 2026-12-25 does not start that day. */
    @Nested
    class ExceptDates {
        private final AccessPolicy daily = policy(LONDON).freevendByDefault()
                .with(window("day").everyDay().between("08:00", "17:00").managed().except("2026-12-25"))
                .build();
        private final AccessPolicy nightly = policy(LONDON).freevendByDefault()
                .with(window("night").everyDay().between("22:00", "06:00").managed().except("2026-12-25"))
                .build();

        @Test
        void exceptDateStopsTheWindowStartingThatDay() {
            assertState(modeAt(daily, "2026-12-24T12:00:00Z"), MANAGED_ACCESS, SCHEDULE, "day");
            assertState(modeAt(daily, "2026-12-25T08:00:00Z"), FREEVEND, DEFAULT, null);
            assertState(modeAt(daily, "2026-12-25T12:00:00Z"), FREEVEND, DEFAULT, null);
            assertState(modeAt(daily, "2026-12-26T12:00:00Z"), MANAGED_ACCESS, SCHEDULE, "day");
        }

        @Test
        void boundarySkipsTheExceptedDay() {
            assertEquals(Optional.of(at("2026-12-26T08:00:00Z")),
                    ScheduleEngine.nextBoundary(daily, at("2026-12-24T17:00:00Z")));
        }

        @Test
        void overnightWindowFromTheDayBeforeRunsIntoTheExceptedDay() {
            assertState(modeAt(nightly, "2026-12-25T03:00:00Z"), MANAGED_ACCESS, SCHEDULE, "night");
            assertState(modeAt(nightly, "2026-12-25T22:30:00Z"), FREEVEND, DEFAULT, null);
            assertState(modeAt(nightly, "2026-12-26T03:00:00Z"), FREEVEND, DEFAULT, null);
            assertState(modeAt(nightly, "2026-12-26T22:30:00Z"), MANAGED_ACCESS, SCHEDULE, "night");
        }
    }

    @Nested
    class Validity {
        private final AccessPolicy july = policy(LONDON).freevendByDefault()
                .with(window("july").everyDay().between("08:00", "17:00").managed()
                        .validFrom("2026-07-01").validUntil("2026-07-31"))
                .build();
        private final AccessPolicy julyNights = policy(LONDON).freevendByDefault()
                .with(window("july-nights").everyDay().between("22:00", "06:00").managed()
                        .validFrom("2026-07-01").validUntil("2026-07-31"))
                .build();

        @Test
        void validityDatesAreInclusive() {
            assertState(modeAt(july, "2026-06-30T12:00:00+01:00"), FREEVEND, DEFAULT, null);
            assertState(modeAt(july, "2026-07-01T08:00:00+01:00"), MANAGED_ACCESS, SCHEDULE, "july");
            assertState(modeAt(july, "2026-07-31T16:59:00+01:00"), MANAGED_ACCESS, SCHEDULE, "july");
            assertState(modeAt(july, "2026-08-01T12:00:00+01:00"), FREEVEND, DEFAULT, null);
        }

        @Test
        void lastValidNightRunsIntoTheNextMorning() {
            assertState(modeAt(julyNights, "2026-07-01T03:00:00+01:00"), FREEVEND, DEFAULT, null);
            assertState(modeAt(julyNights, "2026-08-01T05:00:00+01:00"), MANAGED_ACCESS, SCHEDULE, "july-nights");
            assertState(modeAt(julyNights, "2026-08-01T22:30:00+01:00"), FREEVEND, DEFAULT, null);
        }
    }

    /** Issue 3: an override to freevend until T: freevend until T, the schedule again from T. */
    @Nested
    class Overrides {
        private static final String T = "2026-06-01T10:00:00+01:00";
        private final PolicyBuilder office = policy(LONDON).freevendByDefault()
                .with(window("office").weekdays().between("06:00", "18:00").managed());

        @Test
        void overrideToFreevendWinsUntilItsEnd() {
            AccessPolicy policy = office.override(FREEVEND, at(T)).build();
            ExpectedMode mode = modeAt(policy, "2026-06-01T09:00:00+01:00");
            assertState(mode, FREEVEND, OVERRIDE, null);
            assertNull(mode.since(), "an override applies to every instant before its end");
            assertEquals(at(T), mode.until());
        }

        @Test
        void scheduleResumesAtTheOverrideEnd() {
            AccessPolicy policy = office.override(FREEVEND, at(T)).build();
            ExpectedMode mode = modeAt(policy, T);
            assertState(mode, MANAGED_ACCESS, SCHEDULE, "office");
            assertEquals(at(T), mode.since());
            assertEquals(at("2026-06-01T18:00:00+01:00"), mode.until());
        }

        @Test
        void nextBoundaryIsTheOverrideEnd() {
            AccessPolicy policy = office.override(FREEVEND, at(T)).build();
            assertEquals(Optional.of(at(T)), ScheduleEngine.nextBoundary(policy, at("2026-05-20T00:00:00Z")));
            assertEquals(Optional.of(at(T)), ScheduleEngine.nextModeChange(policy, at("2026-06-01T09:59:59+01:00")));
        }

        @Test
        void resolvedScheduleShowsTheOverrideThenTheSchedule() {
            AccessPolicy policy = office.override(FREEVEND, at(T)).build();
            assertEquals(List.of(
                    interval(FREEVEND, "2026-06-01T08:00:00+01:00", T, OVERRIDE, null),
                    interval(MANAGED_ACCESS, T, "2026-06-01T18:00:00+01:00", SCHEDULE, "office"),
                    interval(FREEVEND, "2026-06-01T18:00:00+01:00", "2026-06-01T19:00:00+01:00", DEFAULT, null)),
                    ScheduleEngine.resolve(policy, at("2026-06-01T08:00:00+01:00"), at("2026-06-01T19:00:00+01:00")));
        }

        @Test
        void expiredOverrideIsIgnored() {
            AccessPolicy policy = office.override(FREEVEND, at("2026-05-01T00:00:00Z")).build();
            assertState(modeAt(policy, "2026-06-01T09:00:00+01:00"), MANAGED_ACCESS, SCHEDULE, "office");
            assertEquals(at("2026-06-01T06:00:00+01:00"), modeAt(policy, "2026-06-01T09:00:00+01:00").since());
        }

        @Test
        void overrideToManagedCoversAFreevendWeekend() {
            AccessPolicy policy = office.override(MANAGED_ACCESS, at("2026-06-06T12:00:00+01:00")).build();
            assertState(modeAt(policy, "2026-06-06T11:59:59+01:00"), MANAGED_ACCESS, OVERRIDE, null);
            assertState(modeAt(policy, "2026-06-06T12:00:00+01:00"), FREEVEND, DEFAULT, null);
            assertEquals(at("2026-06-06T12:00:00+01:00"), modeAt(policy, "2026-06-06T12:00:00+01:00").since());
        }

        @Test
        void overrideEndingInsideASameModeWindowIsABoundaryButNotAModeChange() {
            AccessPolicy policy = office.override(MANAGED_ACCESS, at(T)).build();
            Instant before = at("2026-06-01T09:00:00+01:00");
            assertEquals(Optional.of(at(T)), ScheduleEngine.nextBoundary(policy, before));
            assertEquals(Optional.of(at("2026-06-01T18:00:00+01:00")), ScheduleEngine.nextModeChange(policy, before));
        }

        @Test
        void overrideEndingBeyondTheHorizonReportsNoBoundary() {
            Instant now = at("2026-06-01T09:00:00+01:00");
            AccessPolicy policy = office.override(FREEVEND, now.plus(Duration.ofDays(401))).build();
            assertEquals(Optional.empty(), ScheduleEngine.nextBoundary(policy, now));
            assertNull(ScheduleEngine.expectedModeAt(policy, now).until());
        }
    }

    @Nested
    class Midnight {
        @Test
        void windowFromMidnightStartsAtTheDayStart() {
            AccessPolicy policy = policy("UTC").with(window("early").on(MONDAY).between("00:00", "06:00")).build();
            assertState(modeAt(policy, "2026-05-31T23:59:59Z"), FREEVEND, DEFAULT, null);
            assertState(modeAt(policy, "2026-06-01T00:00:00Z"), MANAGED_ACCESS, SCHEDULE, "early");
            assertState(modeAt(policy, "2026-06-01T06:00:00Z"), FREEVEND, DEFAULT, null);
        }

        @Test
        void windowEndingAtMidnightEndsAtTheNextDayStart() {
            AccessPolicy policy = policy("UTC").with(window("evening").on(MONDAY).between("18:00", "00:00")).build();
            ExpectedMode mode = modeAt(policy, "2026-06-01T23:59:59Z");
            assertState(mode, MANAGED_ACCESS, SCHEDULE, "evening");
            assertEquals(at("2026-06-02T00:00:00Z"), mode.until());
            assertState(modeAt(policy, "2026-06-02T00:00:00Z"), FREEVEND, DEFAULT, null);
        }

        @Test
        void windowWithEqualStartAndEndLastsAFullDay() {
            AccessPolicy policy = policy("UTC").with(window("monday").on(MONDAY).between("00:00", "00:00")).build();
            assertEquals(List.of(
                    interval(FREEVEND, "2026-05-31T00:00:00Z", "2026-06-01T00:00:00Z", DEFAULT, null),
                    interval(MANAGED_ACCESS, "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z", SCHEDULE, "monday"),
                    interval(FREEVEND, "2026-06-02T00:00:00Z", "2026-06-03T00:00:00Z", DEFAULT, null)),
                    ScheduleEngine.resolve(policy, at("2026-05-31T00:00:00Z"), at("2026-06-03T00:00:00Z")));
        }

        @Test
        void fullDayWindowFromSixEndsAtSixNextDay() {
            AccessPolicy policy = policy("UTC").with(window("day").on(MONDAY).between("06:00", "06:00")).build();
            assertState(modeAt(policy, "2026-06-02T05:59:00Z"), MANAGED_ACCESS, SCHEDULE, "day");
            assertState(modeAt(policy, "2026-06-02T06:00:00Z"), FREEVEND, DEFAULT, null);
        }

        @Test
        void fullDayWindowEveryDayNeverChanges() {
            AccessPolicy policy = policy(LONDON).with(window("always").everyDay().between("06:00", "06:00")).build();
            Instant now = at("2026-06-01T12:00:00Z");
            ExpectedMode mode = ScheduleEngine.expectedModeAt(policy, now);
            assertEquals(new ExpectedMode(MANAGED_ACCESS, null, null, null, SCHEDULE, "always", 1), mode);
            assertEquals(Optional.empty(), ScheduleEngine.nextBoundary(policy, now));
            assertEquals(1, ScheduleEngine.resolve(policy, now, now.plus(Duration.ofDays(30))).size());
        }

        @Test
        void touchingWindowsOfOneModeHandOverWithoutAModeChange() {
            AccessPolicy policy = policy("UTC")
                    .with(window("morning").on(MONDAY).between("00:00", "12:00"))
                    .with(window("afternoon").on(MONDAY).between("12:00", "00:00"))
                    .build();
            Instant monday = at("2026-06-01T01:00:00Z");
            assertEquals(Optional.of(at("2026-06-01T12:00:00Z")), ScheduleEngine.nextBoundary(policy, monday));
            assertEquals(Optional.of(at("2026-06-02T00:00:00Z")), ScheduleEngine.nextModeChange(policy, monday));
        }
    }

    @Nested
    class OverlappingWindows {
        @Test
        void laterStartedWindowWinsWhileItRuns() {
            AccessPolicy policy = policy("UTC")
                    .with(window("day").on(MONDAY).between("06:00", "18:00").managed())
                    .with(window("lunch").on(MONDAY).between("12:00", "13:00").freevend())
                    .build();
            assertEquals(List.of(
                    interval(MANAGED_ACCESS, "2026-06-01T06:00:00Z", "2026-06-01T12:00:00Z", SCHEDULE, "day"),
                    interval(FREEVEND, "2026-06-01T12:00:00Z", "2026-06-01T13:00:00Z", SCHEDULE, "lunch"),
                    interval(MANAGED_ACCESS, "2026-06-01T13:00:00Z", "2026-06-01T18:00:00Z", SCHEDULE, "day")),
                    ScheduleEngine.resolve(policy, at("2026-06-01T06:00:00Z"), at("2026-06-01T18:00:00Z")));
        }

        @Test
        void windowsStartingTogetherGoToTheOneListedFirst() {
            AccessPolicy policy = policy("UTC")
                    .with(window("first").on(MONDAY).between("06:00", "08:00").managed())
                    .with(window("second").on(MONDAY).between("06:00", "10:00").freevend())
                    .build();
            assertState(modeAt(policy, "2026-06-01T07:00:00Z"), MANAGED_ACCESS, SCHEDULE, "first");
            assertState(modeAt(policy, "2026-06-01T09:00:00Z"), FREEVEND, SCHEDULE, "second");
        }
    }

    @Nested
    class Horizon {
        private final Instant now = at("2026-06-01T12:00:00Z");

        @Test
        void policyWithoutWindowsIsTheDefaultForever() {
            AccessPolicy policy = policy(LONDON).managedByDefault().build();
            assertEquals(new ExpectedMode(MANAGED_ACCESS, null, null, null, DEFAULT, null, 1),
                    ScheduleEngine.expectedModeAt(policy, now));
            assertEquals(Optional.empty(), ScheduleEngine.nextBoundary(policy, now));
            assertEquals(Optional.empty(), ScheduleEngine.nextModeChange(policy, now));
            assertEquals(List.of(new ResolvedInterval(MANAGED_ACCESS, now, now.plusSeconds(60), DEFAULT, null)),
                    ScheduleEngine.resolve(policy, now, now.plusSeconds(60)));
        }

        @Test
        void windowValidFromMonthsAheadIsFoundBeyondTheFirstWeek() {
            AccessPolicy policy = policy("UTC")
                    .with(window("later").everyDay().between("06:00", "18:00").validFrom("2026-12-17"))
                    .build();
            assertEquals(Optional.of(at("2026-12-17T06:00:00Z")), ScheduleEngine.nextBoundary(policy, now));
        }

        @Test
        void windowValidFromBeyondTheHorizonIsNotABoundaryYet() {
            AccessPolicy policy = policy("UTC")
                    .with(window("much-later").everyDay().between("06:00", "18:00").validFrom("2027-07-15"))
                    .build();
            assertEquals(Optional.empty(), ScheduleEngine.nextBoundary(policy, now));
            assertNull(ScheduleEngine.expectedModeAt(policy, now).until());
        }

        @Test
        void sinceReachesBackBeyondTheFirstWeek() {
            AccessPolicy policy = policy("UTC")
                    .with(window("ended").everyDay().between("06:00", "18:00").validUntil("2026-03-01"))
                    .build();
            assertEquals(at("2026-03-01T18:00:00Z"), ScheduleEngine.expectedModeAt(policy, now).since());
        }

        @Test
        void boundaryExactlyOneWeekAheadIsFound() {
            AccessPolicy policy = policy("UTC")
                    .with(window("later").everyDay().between("06:00", "18:00").validFrom("2026-06-15"))
                    .build();
            Instant start = at("2026-06-15T06:00:00Z");
            for (Instant after : List.of(start.minus(Duration.ofDays(7)), start.minus(Duration.ofDays(7)).plusNanos(1),
                    start.minus(Duration.ofDays(7)).minusNanos(1))) {
                assertEquals(Optional.of(start), ScheduleEngine.nextBoundary(policy, after), "after " + after);
            }
        }

        @Test
        void sinceExactlyOneWeekBackIsFound() {
            AccessPolicy policy = policy("UTC")
                    .with(window("ended").everyDay().between("06:00", "18:00").validUntil("2026-05-20"))
                    .build();
            Instant end = at("2026-05-20T18:00:00Z");
            for (Instant instant : List.of(end.plus(Duration.ofDays(7)), end.plus(Duration.ofDays(7)).minusNanos(1),
                    end.plus(Duration.ofDays(7)).plusNanos(1))) {
                assertEquals(end, ScheduleEngine.expectedModeAt(policy, instant).since(), "at " + instant);
            }
        }

        @Test
        void sinceBeyondTheHorizonIsUnknown() {
            AccessPolicy policy = policy("UTC")
                    .with(window("long-ended").everyDay().between("06:00", "18:00").validUntil("2025-01-01"))
                    .build();
            assertNull(ScheduleEngine.expectedModeAt(policy, now).since());
        }
    }

    @Test
    void chargerWithoutPolicyIsManagedWithSourceNone() {
        ExpectedMode mode = ExpectedMode.withoutPolicy();
        assertEquals(MANAGED_ACCESS, mode.mode());
        assertEquals(PolicySource.NONE, mode.source());
        assertTrue(mode.since() == null && mode.until() == null && mode.modeUntil() == null && mode.windowId() == null);
    }
}
