package com.betterfleet.access.accesspolicy.schedule.domain;

import static com.betterfleet.access.accesspolicy.schedule.domain.AccessMode.FREEVEND;
import static com.betterfleet.access.accesspolicy.schedule.domain.AccessMode.MANAGED_ACCESS;
import static com.betterfleet.access.accesspolicy.schedule.domain.Instants.at;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicyBuilder.policy;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicySource.DEFAULT;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicySource.OVERRIDE;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicySource.SCHEDULE;
import static com.betterfleet.access.accesspolicy.schedule.domain.WindowBuilder.window;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link ExpectedMode#modeUntil()}: the first instant at which the access mode itself changes, as
 * opposed to {@code until}, the next boundary of any kind. This is what expected_mode_changed
 * publishes as {@code modeUntil}.
 */
class ModeUntilTest {
    private static final String LONDON = "Europe/London";

    /** Evaluates at {@code instant} and checks that the engine's three forward answers agree. */
    private static ExpectedMode modeAt(AccessPolicy policy, String instant) {
        Instant t = at(instant);
        ExpectedMode mode = ScheduleEngine.expectedModeAt(policy, t);
        assertEquals(ScheduleEngine.nextBoundary(policy, t), Optional.ofNullable(mode.until()), "until = nextBoundary");
        assertEquals(ScheduleEngine.nextModeChange(policy, t), Optional.ofNullable(mode.modeUntil()),
                "modeUntil = nextModeChange");
        return mode;
    }

    private static void assertEnds(ExpectedMode mode, String until, String modeUntil) {
        assertEquals(until == null ? null : at(until), mode.until(), "until");
        assertEquals(modeUntil == null ? null : at(modeUntil), mode.modeUntil(), "modeUntil");
    }

    /** Weekdays in two managed windows, morning and afternoon, freevend otherwise. */
    @Nested
    class AdjacentWindowsOfOneMode {
        private final AccessPolicy policy = policy(LONDON).freevendByDefault()
                .with(window("morning").weekdays().between("06:00", "12:00").managed())
                .with(window("afternoon").weekdays().between("12:00", "18:00").managed())
                .build();

        @Test
        void inTheFirstWindowUntilIsTheHandOverAndModeUntilTheEndOfTheSecond() {
            ExpectedMode mode = modeAt(policy, "2026-06-01T07:00:00+01:00");
            assertEquals("morning", mode.windowId());
            assertEnds(mode, "2026-06-01T12:00:00+01:00", "2026-06-01T18:00:00+01:00");
        }

        @Test
        void inTheSecondWindowBothAreItsEnd() {
            ExpectedMode mode = modeAt(policy, "2026-06-01T12:00:00+01:00");
            assertEquals("afternoon", mode.windowId());
            assertEnds(mode, "2026-06-01T18:00:00+01:00", "2026-06-01T18:00:00+01:00");
        }

        @Test
        void inFreevendBothAreTheNextMorning() {
            assertEnds(modeAt(policy, "2026-06-01T18:00:00+01:00"), "2026-06-02T06:00:00+01:00",
                    "2026-06-02T06:00:00+01:00");
            assertEnds(modeAt(policy, "2026-06-05T20:00:00+01:00"), "2026-06-08T06:00:00+01:00",
                    "2026-06-08T06:00:00+01:00");
        }

        @Test
        void aWindowRunningIntoTheNextDaysWindowOfTheSameModeIsOnePeriod() {
            AccessPolicy nights = policy(LONDON).freevendByDefault()
                    .with(window("evening").everyDay().between("18:00", "00:00").managed())
                    .with(window("night").everyDay().between("00:00", "06:00").managed())
                    .build();
            assertEnds(modeAt(nights, "2026-06-01T20:00:00+01:00"), "2026-06-02T00:00:00+01:00",
                    "2026-06-02T06:00:00+01:00");
        }

        @Test
        void aManagedWindowEndingIntoAManagedDefaultNeverChangesTheMode() {
            AccessPolicy managedDefault = policy(LONDON).managedByDefault()
                    .with(window("office").weekdays().between("06:00", "18:00").managed())
                    .build();
            ExpectedMode mode = modeAt(managedDefault, "2026-06-01T07:00:00+01:00");
            assertEquals(SCHEDULE, mode.source());
            assertEnds(mode, "2026-06-01T18:00:00+01:00", null);
        }

        @Test
        void aRunOfSameModeWindowsLongerThanTheSearchStepIsFollowedToItsEnd() {
            // Twenty days of back-to-back managed windows: the search goes past several weekly steps.
            AccessPolicy run = policy("UTC").freevendByDefault()
                    .with(window("am").everyDay().between("00:00", "12:00").managed().validUntil("2026-06-20"))
                    .with(window("pm").everyDay().between("12:00", "00:00").managed().validUntil("2026-06-20"))
                    .build();
            assertEnds(modeAt(run, "2026-06-01T01:00:00Z"), "2026-06-01T12:00:00Z", "2026-06-21T00:00:00Z");
        }

        @Test
        void aRunOfSameModeWindowsBeyondTheHorizonHasNoModeUntil() {
            AccessPolicy run = policy("UTC").freevendByDefault()
                    .with(window("am").everyDay().between("00:00", "12:00").managed())
                    .with(window("pm").everyDay().between("12:00", "00:00").managed())
                    .build();
            assertEnds(modeAt(run, "2026-06-01T01:00:00Z"), "2026-06-01T12:00:00Z", null);
        }
    }

    /** Office hours (weekdays 06:00-18:00 managed, freevend otherwise) with an override. */
    @Nested
    class Overrides {
        private final PolicyBuilder office = policy(LONDON).freevendByDefault()
                .with(window("office").weekdays().between("06:00", "18:00").managed());

        @Test
        void managedOverrideEndingInsideAManagedWindowLastsUntilTheWindowEnds() {
            AccessPolicy policy = office.override(MANAGED_ACCESS, at("2026-06-01T10:00:00+01:00")).build();
            ExpectedMode mode = modeAt(policy, "2026-06-01T09:00:00+01:00");
            assertEquals(OVERRIDE, mode.source());
            assertEnds(mode, "2026-06-01T10:00:00+01:00", "2026-06-01T18:00:00+01:00");
        }

        @Test
        void managedOverrideEndingWhereAManagedWindowStartsLastsUntilTheWindowEnds() {
            AccessPolicy policy = office.override(MANAGED_ACCESS, at("2026-06-01T06:00:00+01:00")).build();
            assertEnds(modeAt(policy, "2026-06-01T05:00:00+01:00"), "2026-06-01T06:00:00+01:00",
                    "2026-06-01T18:00:00+01:00");
        }

        @Test
        void freevendOverrideEndingIntoTheFreevendWeekendLastsUntilMonday() {
            AccessPolicy policy = office.override(FREEVEND, at("2026-06-06T12:00:00+01:00")).build();
            assertEnds(modeAt(policy, "2026-06-05T12:00:00+01:00"), "2026-06-06T12:00:00+01:00",
                    "2026-06-08T06:00:00+01:00");
        }

        @Test
        void overrideEndingIntoAnotherModeEndsBoth() {
            AccessPolicy policy = office.override(FREEVEND, at("2026-06-01T10:00:00+01:00")).build();
            assertEnds(modeAt(policy, "2026-06-01T09:00:00+01:00"), "2026-06-01T10:00:00+01:00",
                    "2026-06-01T10:00:00+01:00");
        }

        @Test
        void overrideEndingIntoADefaultOfTheSameModeWithoutWindowsNeverChangesTheMode() {
            AccessPolicy policy = policy(LONDON).managedByDefault()
                    .override(MANAGED_ACCESS, at("2026-06-01T10:00:00+01:00")).build();
            assertEnds(modeAt(policy, "2026-06-01T09:00:00+01:00"), "2026-06-01T10:00:00+01:00", null);
        }

        @Test
        void overrideEndingBeyondTheHorizonHasNeither() {
            Instant now = at("2026-06-01T09:00:00+01:00");
            AccessPolicy policy = office.override(FREEVEND, now.plus(Duration.ofDays(401))).build();
            assertEnds(modeAt(policy, "2026-06-01T09:00:00+01:00"), null, null);
        }

        @Test
        void afterTheOverrideItIsTheSchedulesModeUntil() {
            AccessPolicy policy = office.override(MANAGED_ACCESS, at("2026-06-01T10:00:00+01:00")).build();
            ExpectedMode mode = modeAt(policy, "2026-06-01T10:00:00+01:00");
            assertEquals(SCHEDULE, mode.source());
            assertEnds(mode, "2026-06-01T18:00:00+01:00", "2026-06-01T18:00:00+01:00");
        }
    }

    /**
     * Same-mode hand-overs on daylight-saving days (RFC 5545 readings, schedule-semantics.md).
     * Europe/London: 2027-03-28 01:00 GMT -> 02:00 BST, 2027-10-31 02:00 BST -> 01:00 GMT.
     */
    @Nested
    class DaylightSaving {
        /** Sundays 00:00-01:30 and 01:30-04:00, both managed. */
        private final AccessPolicy split = policy(LONDON).freevendByDefault()
                .with(window("early").on(SUNDAY).between("00:00", "01:30").managed())
                .with(window("late").on(SUNDAY).between("01:30", "04:00").managed())
                .build();

        @Test
        void springForwardHandOverInsideTheGapThenTheManagedPeriodEndsAtFourBst() {
            // 01:30 does not exist: read as GMT, 01:30Z (02:30 BST). 04:00 BST is 03:00Z.
            ExpectedMode mode = modeAt(split, "2027-03-28T00:30:00Z");
            assertEquals("early", mode.windowId());
            assertEnds(mode, "2027-03-28T01:30:00Z", "2027-03-28T03:00:00Z");
        }

        @Test
        void fallBackHandOverAtTheFirstHalfPastOneThenTheManagedPeriodEndsAtFourGmt() {
            // The first 01:30 is BST, 00:30Z; 04:00 GMT is 04:00Z: five hours of managed access.
            ExpectedMode mode = modeAt(split, "2027-10-30T23:30:00Z");
            assertEquals("early", mode.windowId());
            assertEnds(mode, "2027-10-31T00:30:00Z", "2027-10-31T04:00:00Z");
            assertEnds(modeAt(split, "2027-10-31T01:30:00Z"), "2027-10-31T04:00:00Z", "2027-10-31T04:00:00Z");
        }

        @Test
        void gapHandOverBetweenSameModeWindowsIsABoundaryButNotAModeChange() {
            // 00:00-01:45 ends at 01:45 read as GMT (01:45Z), 02:00-03:00 starts at 02:00 BST (01:00Z):
            // the later start wins from 01:00Z, and the mode ends with it at 03:00 BST (02:00Z).
            AccessPolicy policy = policy(LONDON).freevendByDefault()
                    .with(window("a").on(SUNDAY).between("00:00", "01:45").managed())
                    .with(window("b").on(SUNDAY).between("02:00", "03:00").managed())
                    .build();
            assertEnds(modeAt(policy, "2027-03-28T00:30:00Z"), "2027-03-28T01:00:00Z", "2027-03-28T02:00:00Z");
        }

        @Test
        void overnightWindowIntoAMorningWindowAcrossEitherTransition() {
            AccessPolicy policy = policy(LONDON).freevendByDefault()
                    .with(window("night").everyDay().between("22:00", "06:00").managed())
                    .with(window("morning").everyDay().between("06:00", "08:00").managed())
                    .build();
            // Saturday 22:00 GMT to Sunday 06:00 BST (05:00Z), then 08:00 BST (07:00Z): 9 hours.
            assertEnds(modeAt(policy, "2027-03-27T23:00:00Z"), "2027-03-28T05:00:00Z", "2027-03-28T07:00:00Z");
            // Saturday 22:00 BST (21:00Z) to Sunday 06:00 GMT, then 08:00 GMT: 11 hours.
            assertEnds(modeAt(policy, "2027-10-30T22:00:00Z"), "2027-10-31T06:00:00Z", "2027-10-31T08:00:00Z");
        }

        @Test
        void otherZonesSpringForwardToo() {
            // America/New_York 2027-03-14: 02:30 does not exist, read as EST: 07:30Z (03:30 EDT).
            AccessPolicy policy = policy("America/New_York").freevendByDefault()
                    .with(window("early").on(SUNDAY).between("00:00", "02:30").managed())
                    .with(window("late").on(SUNDAY).between("02:30", "05:00").managed())
                    .build();
            assertEnds(modeAt(policy, "2027-03-14T06:00:00Z"), "2027-03-14T07:30:00Z", "2027-03-14T09:00:00Z");
        }
    }

    /** Windows of the other mode far away or long gone, around the search's shortcut for a mode that cannot change. */
    @Nested
    class Horizon {
        private final WindowBuilder office = window("office").weekdays().between("06:00", "18:00").managed();

        @Test
        void aWindowOfTheOtherModeMonthsAheadIsFound() {
            AccessPolicy policy = policy("UTC").managedByDefault().with(office)
                    .with(window("holiday").everyDay().between("00:00", "00:00").freevend()
                            .validFrom("2026-12-25").validUntil("2026-12-25"))
                    .build();
            assertEnds(modeAt(policy, "2026-06-01T07:00:00Z"), "2026-06-01T18:00:00Z", "2026-12-25T00:00:00Z");
        }

        @Test
        void aWindowOfTheOtherModeBeyondTheHorizonIsNot() {
            AccessPolicy policy = policy("UTC").managedByDefault().with(office)
                    .with(window("holiday").everyDay().between("00:00", "00:00").freevend()
                            .validFrom("2027-12-25").validUntil("2027-12-25"))
                    .build();
            assertEnds(modeAt(policy, "2026-06-01T07:00:00Z"), "2026-06-01T18:00:00Z", null);
        }

        @Test
        void aWindowOfTheOtherModeThatEndedLongAgoChangesNothing() {
            AccessPolicy policy = policy("UTC").managedByDefault().with(office)
                    .with(window("old").everyDay().between("20:00", "22:00").freevend().validUntil("2026-01-31"))
                    .build();
            assertEnds(modeAt(policy, "2026-06-01T07:00:00Z"), "2026-06-01T18:00:00Z", null);
        }

        @Test
        void theLastOvernightOccurrenceOfAnEndedWindowStillCounts() {
            // Valid until Sunday 2026-05-31; its 22:00-06:00 occurrence runs into Monday morning.
            AccessPolicy policy = policy("UTC").managedByDefault()
                    .with(window("nights").everyDay().between("22:00", "06:00").freevend().validUntil("2026-05-31"))
                    .build();
            assertEnds(modeAt(policy, "2026-06-01T05:00:00Z"), "2026-06-01T06:00:00Z", "2026-06-01T06:00:00Z");
            assertEnds(modeAt(policy, "2026-06-01T06:00:00Z"), null, null);
        }

        @Test
        void anOverrideOfTheOtherModeInForceEndsTheModeWhenItEnds() {
            AccessPolicy policy = policy("UTC").managedByDefault().with(office)
                    .override(FREEVEND, at("2026-06-03T00:00:00Z")).build();
            assertEnds(modeAt(policy, "2026-06-01T07:00:00Z"), "2026-06-03T00:00:00Z", "2026-06-03T00:00:00Z");
            assertEnds(modeAt(policy, "2026-06-03T07:00:00Z"), "2026-06-03T18:00:00Z", null);
        }
    }

    @Test
    void modeUntilCannotComeBeforeUntil() {
        Instant t = at("2026-06-01T12:00:00Z");
        assertThrows(IllegalArgumentException.class,
                () -> new ExpectedMode(MANAGED_ACCESS, null, t, t.minusNanos(1), DEFAULT, null, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ExpectedMode(MANAGED_ACCESS, null, null, t, DEFAULT, null, 1));
        assertEquals(t, new ExpectedMode(MANAGED_ACCESS, null, t, t, DEFAULT, null, 1).modeUntil());
        assertNull(new ExpectedMode(MANAGED_ACCESS, null, t, null, DEFAULT, null, 1).modeUntil());
    }
}
