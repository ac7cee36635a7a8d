package com.betterfleet.access.accesspolicy.schedule.domain;

import static com.betterfleet.access.accesspolicy.schedule.domain.AccessMode.FREEVEND;
import static com.betterfleet.access.accesspolicy.schedule.domain.AccessMode.MANAGED_ACCESS;
import static com.betterfleet.access.accesspolicy.schedule.domain.Instants.at;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicyBuilder.policy;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicySource.DEFAULT;
import static com.betterfleet.access.accesspolicy.schedule.domain.PolicySource.SCHEDULE;
import static com.betterfleet.access.accesspolicy.schedule.domain.WindowBuilder.window;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DaylightSavingTest {

    /** The single scheduled interval (the window's occurrence) within the range. */
    private static ResolvedInterval onlyWindowInterval(AccessPolicy policy, String from, String to) {
        List<ResolvedInterval> scheduled = ScheduleEngine.resolve(policy, at(from), at(to)).stream()
                .filter(interval -> interval.source() == SCHEDULE)
                .toList();
        assertEquals(1, scheduled.size(), () -> "scheduled intervals: " + scheduled);
        return scheduled.get(0);
    }

    private static void assertWindow(AccessPolicy policy, String from, String to, String expectedStart,
            String expectedEnd) {
        ResolvedInterval interval = onlyWindowInterval(policy, from, to);
        assertEquals(at(expectedStart), interval.from(), "start");
        assertEquals(at(expectedEnd), interval.to(), "end");
    }

    private static AccessMode modeAt(AccessPolicy policy, String instant) {
        return ScheduleEngine.expectedModeAt(policy, at(instant)).mode();
    }

    private static AccessPolicy sundayWindow(String zone, String start, String end) {
        return policy(zone).freevendByDefault().with(window("w").on(SUNDAY).between(start, end).managed()).build();
    }

    @Nested
    class London {
        private static final String ZONE = "Europe/London";

        @Test
        void javaReadsAGapTimeWithTheOffsetBeforeTheTransition() {
            ZonedDateTime read = ZonedDateTime.of(LocalDate.parse("2027-03-28"), LocalTime.parse("01:30"),
                    ZoneId.of(ZONE));
            assertEquals(at("2027-03-28T02:30:00+01:00"), read.toInstant());
            assertEquals(at("2027-03-28T01:30:00Z"), read.toInstant());
        }

        @Test
        void javaReadsARepeatedTimeAsTheFirstOccurrence() {
            ZonedDateTime read = ZonedDateTime.of(LocalDate.parse("2027-10-31"), LocalTime.parse("01:30"),
                    ZoneId.of(ZONE));
            assertEquals(at("2027-10-31T01:30:00+01:00"), read.toInstant());
        }

        @Test
        void springGapShiftsWindowStart() {
            AccessPolicy policy = sundayWindow(ZONE, "01:30", "04:00");
            assertEquals(FREEVEND, modeAt(policy, "2027-03-28T01:29:59Z"));
            assertEquals(MANAGED_ACCESS, modeAt(policy, "2027-03-28T02:30:00+01:00"));
            assertWindow(policy, "2027-03-27T00:00:00Z", "2027-03-29T00:00:00Z",
                    "2027-03-28T02:30:00+01:00", "2027-03-28T04:00:00+01:00");
        }

        @Test
        void autumnRepeatedHourStartsWindowAtFirstOccurrence() {
            AccessPolicy policy = sundayWindow(ZONE, "01:30", "04:00");
            assertEquals(FREEVEND, modeAt(policy, "2027-10-31T00:29:59Z"));
            assertEquals(MANAGED_ACCESS, modeAt(policy, "2027-10-31T00:30:00Z"));
            assertWindow(policy, "2027-10-30T00:00:00Z", "2027-11-01T00:00:00Z",
                    "2027-10-31T01:30:00+01:00", "2027-10-31T04:00:00Z");
        }

        @Test
        void windowEndingInTheSpringGapEndsAfterIt() {
            assertWindow(sundayWindow(ZONE, "00:00", "01:30"), "2027-03-27T00:00:00Z", "2027-03-29T00:00:00Z",
                    "2027-03-28T00:00:00Z", "2027-03-28T02:30:00+01:00");
        }

        @Test
        void windowEndingInTheRepeatedHourEndsAtItsFirstOccurrence() {
            AccessPolicy policy = sundayWindow(ZONE, "00:00", "01:30");
            assertWindow(policy, "2027-10-30T00:00:00Z", "2027-11-01T00:00:00Z",
                    "2027-10-31T00:00:00+01:00", "2027-10-31T01:30:00+01:00");
            assertEquals(FREEVEND, modeAt(policy, "2027-10-31T01:00:00Z"), "the second 01:00 is after the window");
        }

        @Test
        void windowCollapsedBySpringGapIsEmpty() {
            for (String end : List.of("02:30", "02:00")) {
                AccessPolicy policy = sundayWindow(ZONE, "01:30", end);
                assertEquals(List.of(new ResolvedInterval(FREEVEND, at("2027-03-28T00:00:00Z"),
                        at("2027-03-29T00:00:00Z"), DEFAULT, null)),
                        ScheduleEngine.resolve(policy, at("2027-03-28T00:00:00Z"), at("2027-03-29T00:00:00Z")),
                        "01:30-" + end);
            }
        }

        @Test
        void windowAcrossSpringGapIsAnHourShorter() {
            ResolvedInterval interval = onlyWindowInterval(sundayWindow(ZONE, "00:00", "06:00"),
                    "2027-03-27T00:00:00Z", "2027-03-29T00:00:00Z");
            assertEquals(Duration.ofHours(5), Duration.between(interval.from(), interval.to()));
        }

        @Test
        void windowAcrossAutumnOverlapIsAnHourLonger() {
            ResolvedInterval interval = onlyWindowInterval(sundayWindow(ZONE, "00:00", "06:00"),
                    "2027-10-30T00:00:00Z", "2027-11-01T00:00:00Z");
            assertEquals(Duration.ofHours(7), Duration.between(interval.from(), interval.to()));
        }

        @Test
        void fullDayWindowOnTheSpringDayLastsTwentyThreeHours() {
            assertWindow(sundayWindow(ZONE, "00:00", "00:00"), "2027-03-27T00:00:00Z", "2027-03-30T00:00:00Z",
                    "2027-03-28T00:00:00Z", "2027-03-29T00:00:00+01:00");
        }

        @Test
        void springGapOverlapGoesToTheWindowThatStartedLater() {
            // Legal in wall-clock terms; the first window's end (01:45) is read as 02:45 BST,
            // after the second window's start (02:00 BST).
            AccessPolicy policy = policy(ZONE).freevendByDefault()
                    .with(window("night").on(SUNDAY).between("00:00", "01:45").managed())
                    .with(window("early").on(SUNDAY).between("02:00", "03:00").freevend())
                    .build();
            assertEquals(List.of(), WindowOverlaps.find(policy.windows()));
            assertEquals(List.of(
                    new ResolvedInterval(FREEVEND, at("2027-03-27T23:00:00Z"), at("2027-03-28T00:00:00Z"), DEFAULT,
                            null),
                    new ResolvedInterval(MANAGED_ACCESS, at("2027-03-28T00:00:00Z"), at("2027-03-28T02:00:00+01:00"),
                            SCHEDULE, "night"),
                    new ResolvedInterval(FREEVEND, at("2027-03-28T02:00:00+01:00"), at("2027-03-28T03:00:00+01:00"),
                            SCHEDULE, "early"),
                    new ResolvedInterval(FREEVEND, at("2027-03-28T03:00:00+01:00"), at("2027-03-28T04:00:00+01:00"),
                            DEFAULT, null)),
                    ScheduleEngine.resolve(policy, at("2027-03-27T23:00:00Z"), at("2027-03-28T04:00:00+01:00")));
        }

        @Test
        void boundaryEngineFindsTheShiftedStart() {
            AccessPolicy policy = sundayWindow(ZONE, "01:30", "04:00");
            assertEquals(at("2027-03-28T02:30:00+01:00"),
                    ScheduleEngine.nextBoundary(policy, at("2027-03-27T12:00:00Z")).orElseThrow());
            assertEquals(at("2027-10-31T01:30:00+01:00"),
                    ScheduleEngine.nextBoundary(policy, at("2027-10-30T12:00:00Z")).orElseThrow());
        }
    }

    @Nested
    class NewYork {
        private static final String ZONE = "America/New_York";

        @Test
        void springGapShiftsWindowStart() {
            assertWindow(sundayWindow(ZONE, "02:30", "05:00"), "2027-03-13T00:00:00Z", "2027-03-15T00:00:00Z",
                    "2027-03-14T03:30:00-04:00", "2027-03-14T05:00:00-04:00");
        }

        @Test
        void autumnRepeatedHourStartsWindowAtFirstOccurrence() {
            assertWindow(sundayWindow(ZONE, "01:30", "05:00"), "2027-11-06T00:00:00Z", "2027-11-08T00:00:00Z",
                    "2027-11-07T01:30:00-04:00", "2027-11-07T05:00:00-05:00");
        }
    }

    @Nested
    class Sydney {
        private static final String ZONE = "Australia/Sydney";

        @Test
        void springGapInOctoberShiftsWindowStart() {
            assertWindow(sundayWindow(ZONE, "02:30", "05:00"), "2026-10-02T00:00:00Z", "2026-10-05T00:00:00Z",
                    "2026-10-04T03:30:00+11:00", "2026-10-04T05:00:00+11:00");
        }

        @Test
        void autumnRepeatedHourInAprilStartsWindowAtFirstOccurrence() {
            assertWindow(sundayWindow(ZONE, "02:30", "05:00"), "2027-04-02T00:00:00Z", "2027-04-05T00:00:00Z",
                    "2027-04-04T02:30:00+11:00", "2027-04-04T05:00:00+10:00");
        }

        @Test
        void officeHoursFollowTheLocalOffsetAcrossTheYear() {
            AccessPolicy policy = policy(ZONE).freevendByDefault()
                    .with(window("office").weekdays().between("06:00", "18:00").managed())
                    .build();
            assertEquals(MANAGED_ACCESS, modeAt(policy, "2026-06-01T06:00:00+10:00"));
            assertEquals(FREEVEND, modeAt(policy, "2026-06-01T05:59:59+10:00"));
            assertEquals(MANAGED_ACCESS, modeAt(policy, "2026-12-07T06:00:00+11:00"));
            assertEquals(FREEVEND, modeAt(policy, "2026-12-07T05:59:59+11:00"));
        }
    }

    @Nested
    class Auckland {
        private static final String ZONE = "Pacific/Auckland";

        @Test
        void springGapInSeptemberShiftsWindowStart() {
            assertWindow(sundayWindow(ZONE, "02:15", "05:00"), "2026-09-25T00:00:00Z", "2026-09-28T00:00:00Z",
                    "2026-09-27T03:15:00+13:00", "2026-09-27T05:00:00+13:00");
        }

        @Test
        void autumnRepeatedHourInAprilStartsWindowAtFirstOccurrence() {
            assertWindow(sundayWindow(ZONE, "02:15", "05:00"), "2027-04-02T00:00:00Z", "2027-04-05T00:00:00Z",
                    "2027-04-04T02:15:00+13:00", "2027-04-04T05:00:00+12:00");
        }

        @Test
        void overnightWindowAcrossTheSpringNightIsAnHourShorter() {
            AccessPolicy policy = policy(ZONE).freevendByDefault()
                    .with(window("night").on(SATURDAY).between("22:00", "06:00").managed())
                    .build();
            assertWindow(policy, "2026-09-25T00:00:00Z", "2026-09-28T00:00:00Z",
                    "2026-09-26T22:00:00+12:00", "2026-09-27T06:00:00+13:00");
            ResolvedInterval night = onlyWindowInterval(policy, "2026-09-25T00:00:00Z", "2026-09-28T00:00:00Z");
            assertEquals(Duration.ofHours(7), Duration.between(night.from(), night.to()));
        }
    }

    /** Lord Howe Island moves its clocks by 30 minutes. */
    @Nested
    class LordHowe {
        private static final String ZONE = "Australia/Lord_Howe";

        @Test
        void halfHourSpringGapShiftsWindowStart() {
            assertWindow(sundayWindow(ZONE, "02:15", "05:00"), "2026-10-02T00:00:00Z", "2026-10-05T00:00:00Z",
                    "2026-10-04T02:45:00+11:00", "2026-10-04T05:00:00+11:00");
        }

        @Test
        void halfHourRepeatStartsWindowAtFirstOccurrence() {
            assertWindow(sundayWindow(ZONE, "01:45", "05:00"), "2027-04-02T00:00:00Z", "2027-04-05T00:00:00Z",
                    "2027-04-04T01:45:00+11:00", "2027-04-04T05:00:00+10:30");
        }
    }

    @Nested
    class WithoutDaylightSaving {
        private static AccessPolicy office(String zone) {
            return policy(zone).freevendByDefault()
                    .with(window("office").weekdays().between("06:00", "18:00").managed())
                    .build();
        }

        @Test
        void kolkataOfficeHoursAreTheSameInstantsAllYear() {
            AccessPolicy policy = office("Asia/Kolkata");
            for (String monday : List.of("2026-06-01", "2027-01-04")) {
                assertWindow(policy, monday + "T00:00:00+05:30", monday + "T23:59:00+05:30",
                        monday + "T00:30:00Z", monday + "T12:30:00Z");
            }
        }

        @Test
        void utcOfficeHoursAreTheWallClock() {
            AccessPolicy policy = office("UTC");
            for (String monday : List.of("2026-06-01", "2027-01-04")) {
                assertWindow(policy, monday + "T00:00:00Z", monday + "T23:59:00Z",
                        monday + "T06:00:00Z", monday + "T18:00:00Z");
            }
        }
    }

    @Test
    void engineReadsLocalTimesExactlyLikeZonedDateTime() {
        ZoneId london = ZoneId.of("Europe/London");
        for (String time : List.of("00:59", "01:00", "01:30", "01:59", "02:00", "02:30")) {
            for (String date : List.of("2027-03-28", "2027-10-31")) {
                LocalDate localDate = LocalDate.parse(date);
                LocalTime localTime = LocalTime.parse(time);
                Instant expected = ZonedDateTime.of(localDate, localTime, london).toInstant();
                assertEquals(expected, ScheduleEngine.toInstant(london.getRules(), localDate, localTime),
                        date + " " + time);
            }
        }
    }
}
