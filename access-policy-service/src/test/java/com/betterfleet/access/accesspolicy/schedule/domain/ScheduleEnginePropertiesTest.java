package com.betterfleet.access.accesspolicy.schedule.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Issue 3's properties over random policies, instants and zones. Instants and window times lean
 * towards daylight-saving transitions, where the engine can go wrong; zones include southern
 * hemisphere, 30- and 45-minute offsets, a zone that skipped a whole day (Apia, 2011) and one that
 * changed at midnight (Sao Paulo until 2019).
 *
 * <p>Integers are drawn uniformly and jqwik's edge-case mixing is off: its defaults lean towards
 * the smallest values, which here means policies without windows and instants in early 2010.
 */
class ScheduleEnginePropertiesTest {
    private static final int TRIES = 400;
    private static final List<String> ZONES = List.of(
            "Europe/London", "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "America/St_Johns",
            "Australia/Sydney", "Pacific/Auckland", "Pacific/Chatham", "Australia/Lord_Howe", "Asia/Kolkata",
            "Asia/Kathmandu", "Pacific/Apia", "UTC");
    private static final List<LocalTime> TRANSITION_TIMES = List.of("00:00", "00:30", "01:00", "01:30", "01:45",
            "02:00", "02:15", "02:30", "03:00", "23:00", "23:30").stream().map(LocalTime::parse).toList();
    private static final Instant EARLIEST = Instant.parse("2010-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2032-01-01T00:00:00Z");
    private static final Duration TEN_DAYS = Duration.ofDays(10);

    record WindowSpec(Set<DayOfWeek> days, LocalTime start, LocalTime end, AccessMode mode, LocalDate validFrom,
            LocalDate validUntil, Set<LocalDate> exceptDates) {
        ScheduleWindow toWindow(String id) {
            return new ScheduleWindow(id, days, start, end, mode, validFrom, validUntil, exceptDates);
        }
    }

    record Scenario(AccessPolicy policy, Instant instant) {
    }

    record Key(AccessMode mode, PolicySource source, String windowId) {
        static Key of(ExpectedMode expected) {
            return new Key(expected.mode(), expected.source(), expected.windowId());
        }

        static Key of(ResolvedInterval interval) {
            return new Key(interval.mode(), interval.source(), interval.windowId());
        }
    }

    // --- properties -------------------------------------------------------------------------------

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void resolvedIntervalsTileTheRangeExactly(@ForAll("scenarios") Scenario scenario,
            @ForAll("rangeSeconds") long lengthSeconds) {
        assertTiles(scenario.policy(), scenario.instant(), scenario.instant().plusSeconds(lengthSeconds));
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void resolvedIntervalsTileTheRangeEvenForOverlappingWindows(@ForAll("anyScenarios") Scenario scenario,
            @ForAll("rangeSeconds") long lengthSeconds) {
        assertTiles(scenario.policy(), scenario.instant(), scenario.instant().plusSeconds(lengthSeconds));
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void expectedModeIsThatOfTheIntervalHoldingTheInstant(@ForAll("scenarios") Scenario scenario,
            @ForAll("probeSeconds") long offsetSeconds) {
        assertModeAgreesWithResolve(scenario, offsetSeconds);
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void expectedModeIsThatOfTheIntervalHoldingTheInstantEvenForOverlappingWindows(
            @ForAll("anyScenarios") Scenario scenario, @ForAll("probeSeconds") long offsetSeconds) {
        assertModeAgreesWithResolve(scenario, offsetSeconds);
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void nextBoundaryIsTheFirstChangeOfTheResolvedSchedule(@ForAll("scenarios") Scenario scenario) {
        AccessPolicy policy = scenario.policy();
        Instant t = scenario.instant();
        List<ResolvedInterval> ahead = ScheduleEngine.resolve(policy, t, t.plus(TEN_DAYS));
        Optional<Instant> boundary = ScheduleEngine.nextBoundary(policy, t);
        if (ahead.size() > 1) {
            assertEquals(Optional.of(ahead.get(0).to()), boundary);
        } else {
            assertTrue(boundary.isEmpty() || !boundary.get().isBefore(t.plus(TEN_DAYS)), () -> "" + boundary);
        }
        boundary.ifPresent(b -> {
            assertTrue(b.isAfter(t));
            Key now = Key.of(ScheduleEngine.expectedModeAt(policy, t));
            assertEquals(now, Key.of(ScheduleEngine.expectedModeAt(policy, b.minusNanos(1))), "just before");
            assertNotEquals(now, Key.of(ScheduleEngine.expectedModeAt(policy, b)), "at the boundary");
            assertEquals(Oracle.stateAt(policy, t), Oracle.stateAt(policy, b.minusNanos(1)), "oracle just before");
            assertNotEquals(Oracle.stateAt(policy, t), Oracle.stateAt(policy, b), "oracle at the boundary");
        });
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void nextModeChangeIsTheFirstInstantWithAnotherMode(@ForAll("scenarios") Scenario scenario) {
        AccessPolicy policy = scenario.policy();
        Instant t = scenario.instant();
        List<ResolvedInterval> ahead = ScheduleEngine.resolve(policy, t, t.plus(TEN_DAYS));
        AccessMode mode = ahead.get(0).mode();
        Optional<Instant> expected = ahead.stream().filter(i -> i.mode() != mode).findFirst().map(i -> i.from());
        Optional<Instant> change = ScheduleEngine.nextModeChange(policy, t);
        if (expected.isPresent()) {
            assertEquals(expected, change);
        } else {
            assertTrue(change.isEmpty() || !change.get().isBefore(t.plus(TEN_DAYS)), () -> "" + change);
        }
    }

    /**
     * The expected mode's {@code modeUntil} is the start of the first resolved interval with another
     * mode: hand-overs between windows, sources or an override of the same mode are skipped.
     */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void modeUntilIsTheFirstResolvedIntervalWithAnotherMode(@ForAll("anyScenarios") Scenario scenario) {
        AccessPolicy policy = scenario.policy();
        Instant t = scenario.instant();
        ExpectedMode expected = ScheduleEngine.expectedModeAt(policy, t);
        List<ResolvedInterval> ahead = ScheduleEngine.resolve(policy, t, t.plus(TEN_DAYS));
        Optional<Instant> firstOther = ahead.stream().filter(i -> i.mode() != expected.mode()).findFirst()
                .map(ResolvedInterval::from);
        if (firstOther.isPresent()) {
            assertEquals(firstOther.get(), expected.modeUntil());
            assertEquals(expected.mode(), Oracle.stateAt(policy, expected.modeUntil().minusNanos(1)).mode(),
                    "oracle just before");
            assertNotEquals(expected.mode(), Oracle.stateAt(policy, expected.modeUntil()).mode(), "oracle at modeUntil");
        } else {
            assertTrue(expected.modeUntil() == null || !expected.modeUntil().isBefore(t.plus(TEN_DAYS)),
                    () -> "" + expected);
        }
        assertEquals(ScheduleEngine.nextModeChange(policy, t).orElse(null), expected.modeUntil());
        assertTrue(expected.modeUntil() == null || !expected.modeUntil().isBefore(expected.until()),
                () -> "modeUntil >= until: " + expected);
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void expectedModeIntervalHoldsTheInstantAndIsMaximal(@ForAll("scenarios") Scenario scenario) {
        AccessPolicy policy = scenario.policy();
        Instant t = scenario.instant();
        ExpectedMode expected = ScheduleEngine.expectedModeAt(policy, t);
        assertTrue(expected.since() == null || !expected.since().isAfter(t), "since <= t");
        assertTrue(expected.until() == null || expected.until().isAfter(t), "t < until");
        assertEquals(ScheduleEngine.nextBoundary(policy, t).orElse(null), expected.until());
        assertEquals(policy.version(), expected.policyVersion());

        Instant from = t.minus(TEN_DAYS);
        Instant to = t.plus(TEN_DAYS);
        ResolvedInterval holder = holding(ScheduleEngine.resolve(policy, from, to), t);
        assertEquals(Key.of(holder), Key.of(expected));
        if (holder.from().isAfter(from)) {
            assertEquals(holder.from(), expected.since());
        } else {
            assertTrue(expected.since() == null || !expected.since().isAfter(from), () -> "since " + expected);
        }
        if (holder.to().isBefore(to)) {
            assertEquals(holder.to(), expected.until());
        } else {
            assertTrue(expected.until() == null || !expected.until().isBefore(to), () -> "until " + expected);
        }
    }

    /** Policies whose windows all start days after, or ended days before, the instant: searches span several steps. */
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void quietPoliciesFindBoundariesFarAway(@ForAll("quietScenarios") Scenario scenario) {
        AccessPolicy policy = scenario.policy();
        Instant t = scenario.instant();
        Duration range = Duration.ofDays(40);
        List<ResolvedInterval> around = ScheduleEngine.resolve(policy, t.minus(range), t.plus(range));
        ResolvedInterval holder = holding(around, t);
        ExpectedMode expected = ScheduleEngine.expectedModeAt(policy, t);
        assertEquals(Key.of(holder), Key.of(expected));
        assertEquals(holder.from().isAfter(t.minus(range)) ? holder.from() : null, expected.since(), "since");
        assertEquals(holder.to().isBefore(t.plus(range)) ? holder.to() : null, expected.until(), "until");
        assertEquals(Optional.ofNullable(expected.until()), ScheduleEngine.nextBoundary(policy, t));
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    void localTimesAreReadLikeZonedDateTime(@ForAll("zones") ZoneId zone, @ForAll("instants") Instant instant,
            @ForAll("shiftMinutes") long minutes) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone).plusMinutes(minutes).withSecond(0).withNano(0);
        assertEquals(ZonedDateTime.of(local, zone).toInstant(),
                ScheduleEngine.toInstant(zone.getRules(), local.toLocalDate(), local.toLocalTime()));
    }

    // --- checks -----------------------------------------------------------------------------------

    private static void assertTiles(AccessPolicy policy, Instant from, Instant to) {
        List<ResolvedInterval> intervals = ScheduleEngine.resolve(policy, from, to);
        if (from.equals(to)) {
            assertEquals(List.of(), intervals);
            return;
        }
        assertEquals(from, intervals.get(0).from(), "starts at from");
        assertEquals(to, intervals.get(intervals.size() - 1).to(), "ends at to");
        for (int i = 1; i < intervals.size(); i++) {
            ResolvedInterval previous = intervals.get(i - 1);
            ResolvedInterval current = intervals.get(i);
            assertEquals(previous.to(), current.from(), "no gap, no overlap");
            assertNotEquals(Key.of(previous), Key.of(current), "neighbours differ");
        }
    }

    private static void assertModeAgreesWithResolve(Scenario scenario, long offsetSeconds) {
        AccessPolicy policy = scenario.policy();
        Instant from = scenario.instant().minus(Duration.ofDays(5));
        Instant probe = from.plusSeconds(offsetSeconds);
        ResolvedInterval holder = holding(ScheduleEngine.resolve(policy, from, from.plus(TEN_DAYS)), probe);
        ExpectedMode expected = ScheduleEngine.expectedModeAt(policy, probe);
        assertEquals(Key.of(holder), Key.of(expected));
        assertEquals(Oracle.stateAt(policy, probe), Key.of(expected), "naive evaluation");
    }

    private static ResolvedInterval holding(List<ResolvedInterval> intervals, Instant instant) {
        return intervals.stream().filter(interval -> interval.contains(instant)).findFirst().orElseThrow();
    }

    /**
     * The engine's rules written the slow, obvious way: every occurrence near the instant, built with
     * {@code ZonedDateTime}, the one that started last winning.
     */
    static final class Oracle {
        static Key stateAt(AccessPolicy policy, Instant instant) {
            AccessOverride override = policy.override();
            if (override != null && instant.isBefore(override.until())) {
                return new Key(override.mode(), PolicySource.OVERRIDE, null);
            }
            ZoneId zone = policy.timeZone();
            LocalDate today = LocalDate.ofInstant(instant, zone);
            ScheduleWindow winner = null;
            Instant winnerStart = null;
            for (ScheduleWindow window : policy.windows()) {
                for (LocalDate date = today.minusDays(3); !date.isAfter(today.plusDays(1)); date = date.plusDays(1)) {
                    if (!startsOn(window, date)) {
                        continue;
                    }
                    Instant start = ZonedDateTime.of(date, window.start(), zone).toInstant();
                    LocalDate endDate = window.end().isAfter(window.start()) ? date : date.plusDays(1);
                    Instant end = ZonedDateTime.of(endDate, window.end(), zone).toInstant();
                    boolean holds = !start.isAfter(instant) && instant.isBefore(end);
                    if (holds && (winner == null || start.isAfter(winnerStart))) {
                        winner = window;
                        winnerStart = start;
                    }
                }
            }
            return winner == null
                    ? new Key(policy.defaultMode(), PolicySource.DEFAULT, null)
                    : new Key(winner.mode(), PolicySource.SCHEDULE, winner.id());
        }

        private static boolean startsOn(ScheduleWindow window, LocalDate date) {
            return window.daysOfWeek().contains(date.getDayOfWeek())
                    && (window.validFrom() == null || !date.isBefore(window.validFrom()))
                    && (window.validUntil() == null || !date.isAfter(window.validUntil()))
                    && !window.exceptDates().contains(date);
        }
    }

    // --- generators -------------------------------------------------------------------------------

    @Provide
    Arbitrary<Scenario> scenarios() {
        return scenarios(true);
    }

    @Provide
    Arbitrary<Scenario> anyScenarios() {
        return scenarios(false);
    }

    /** Policies whose windows all start some days after the instant, or all ended some days before it. */
    @Provide
    Arbitrary<Scenario> quietScenarios() {
        return Combinators.combine(scenarios(true), uniform(3, 30), Arbitraries.of(true, false))
                .as((scenario, distance, ahead) -> {
                    AccessPolicy policy = scenario.policy();
                    LocalDate today = LocalDate.ofInstant(scenario.instant(), policy.timeZone());
                    LocalDate validFrom = ahead ? today.plusDays(distance) : null;
                    LocalDate validUntil = ahead ? null : today.minusDays(distance);
                    List<ScheduleWindow> quiet = policy.windows().stream()
                            .map(w -> new ScheduleWindow(w.id(), w.daysOfWeek(), w.start(), w.end(), w.mode(),
                                    validFrom, validUntil, w.exceptDates()))
                            .toList();
                    return new Scenario(new AccessPolicy(policy.timeZone(), policy.defaultMode(), quiet, null, 3),
                            scenario.instant());
                });
    }

    @Provide
    Arbitrary<Long> rangeSeconds() {
        return uniform(0L, 20 * 86_400L);
    }

    @Provide
    Arbitrary<Long> probeSeconds() {
        return uniform(0L, TEN_DAYS.getSeconds() - 1);
    }

    @Provide
    Arbitrary<Long> shiftMinutes() {
        return uniform(-180L, 180L);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return zones().flatMap(ScheduleEnginePropertiesTest::instantsIn);
    }

    private static Arbitrary<Scenario> scenarios(boolean withoutOverlaps) {
        return Arbitraries.of(ZONES).map(ZoneId::of).flatMap(zone -> instantsIn(zone).flatMap(instant -> {
            int candidateCount = withoutOverlaps ? 8 : 4;
            // A fixed-size list cut at a uniform length: jqwik's own list sizes lean towards very short lists.
            Arbitrary<List<WindowSpec>> specs = Combinators
                    .combine(windowSpecs(zone, instant).list().ofSize(candidateCount), uniform(0, candidateCount))
                    .as((list, size) -> list.subList(0, size));
            Arbitrary<AccessOverride> override = Combinators
                    .combine(Arbitraries.of(AccessMode.class), uniform(-3 * 1440L, 3 * 1440L))
                    .as((mode, minutes) -> new AccessOverride(mode, instant.plusSeconds(minutes * 60), "property"))
                    .injectNull(0.7);
            return Combinators.combine(specs, Arbitraries.of(AccessMode.class), override)
                    .as((candidates, defaultMode, accessOverride) -> new Scenario(new AccessPolicy(zone, defaultMode,
                            windows(candidates, withoutOverlaps), accessOverride, 3), instant));
        }));
    }

    /** Up to four windows; without overlaps, candidates that overlap an accepted one are dropped. */
    private static List<ScheduleWindow> windows(List<WindowSpec> candidates, boolean withoutOverlaps) {
        List<ScheduleWindow> accepted = new ArrayList<>();
        for (int i = 0; i < candidates.size() && accepted.size() < 4; i++) {
            ScheduleWindow window = candidates.get(i).toWindow("w" + i);
            if (!withoutOverlaps || accepted.stream().allMatch(a -> WindowOverlaps.overlap(a, window).isEmpty())) {
                accepted.add(window);
            }
        }
        return accepted;
    }

    /**
     * Windows around the instant. Days, start times and ends lean towards the zone's next
     * transition (its weekday, and local times within an hour of it), so that gap and overlap
     * readings, and occurrences meeting inside a gap, come up often rather than by luck.
     */
    private static Arbitrary<WindowSpec> windowSpecs(ZoneId zone, Instant instant) {
        LocalDate around = LocalDate.ofInstant(instant, zone);
        ZoneOffsetTransition transition = zone.getRules().nextTransition(instant.minus(Duration.ofDays(3)));
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7)
                .withSizeDistribution(RandomDistribution.uniform());
        List<LocalTime> nearTransition = TRANSITION_TIMES;
        if (transition != null) {
            nearTransition = new ArrayList<>();
            for (int minutes = -60; minutes <= 60; minutes += 15) {
                nearTransition.add(transition.getDateTimeBefore().toLocalTime().plusMinutes(minutes).withSecond(0));
                nearTransition.add(transition.getDateTimeAfter().toLocalTime().plusMinutes(minutes).withSecond(0));
            }
            DayOfWeek transitionDay = transition.getDateTimeBefore().getDayOfWeek();
            days = Combinators.combine(days, Arbitraries.of(true, false)).as((set, addDay) -> {
                Set<DayOfWeek> withDay = EnumSet.copyOf(set);
                if (addDay) {
                    withDay.add(transitionDay);
                }
                return withDay;
            });
        }
        Arbitrary<LocalTime> anyTime = uniform(0, 1439).map(m -> LocalTime.of(m / 60, m % 60));
        Arbitrary<LocalTime> starts = Arbitraries.frequencyOf(
                Tuple.of(3, anyTime),
                Tuple.of(1, Arbitraries.of(TRANSITION_TIMES)),
                Tuple.of(2, Arbitraries.of(nearTransition)));
        // An end is either any time (often overnight) or a short run after the start.
        Arbitrary<Integer> endChoice = Arbitraries.frequencyOf(
                Tuple.of(1, uniform(-1439, 0)),
                Tuple.of(2, uniform(1, 6 * 60)));
        Arbitrary<LocalDate> nearDates = uniform(-12, 12).map(around::plusDays);
        Arbitrary<Set<LocalDate>> exceptDates = nearDates.set().ofMaxSize(3)
                .withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(days, starts, endChoice, anyTime, Arbitraries.of(AccessMode.class),
                nearDates.injectNull(0.6), nearDates.injectNull(0.6), exceptDates)
                .as((d, start, endOrLength, anyEnd, mode, from, until, except) -> {
                    LocalTime end = endOrLength > 0 ? start.plusMinutes(endOrLength) : anyEnd;
                    boolean swap = from != null && until != null && until.isBefore(from);
                    return new WindowSpec(d, start, end, mode, swap ? until : from, swap ? from : until, except);
                });
    }

    /** Anywhere in 2010-2031, or within a day and a half of one of the zone's transitions. */
    private static Arbitrary<Instant> instantsIn(ZoneId zone) {
        Arbitrary<Instant> anywhere = uniform(EARLIEST.getEpochSecond(), LATEST.getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> nearTransition = anywhere.flatMap(base -> {
            ZoneOffsetTransition transition = zone.getRules().nextTransition(base);
            Instant anchor = transition == null ? base : transition.getInstant();
            return uniform(-36 * 60L, 36 * 60L).map(minutes -> anchor.plusSeconds(minutes * 60));
        });
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(1, uniform(1, 999_999_999)));
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(2, anywhere), Tuple.of(3, nearTransition)), nanos)
                .as(Instant::plusNanos);
    }

    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    private static Arbitrary<Long> uniform(long min, long max) {
        return Arbitraries.longs().between(min, max).withDistribution(RandomDistribution.uniform());
    }
}
