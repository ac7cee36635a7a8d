package com.betterfleet.access.accesspolicy.schedule.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;

/**
 * The overlap check against brute force: walk every date, build each window's occurrences as local
 * date-times and compare. Validity and exception dates stay inside a few months, so a walk well
 * beyond them also covers the repeating weekly pattern of open-ended windows.
 */
class WindowOverlapsPropertiesTest {
    private static final LocalDate FIRST = LocalDate.parse("2026-01-01");
    private static final LocalDate WALK_FROM = FIRST.minusWeeks(6);
    private static final LocalDate WALK_TO = FIRST.plusDays(60).plusWeeks(6);

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void overlapCheckAgreesWithWalkingEveryDate(@ForAll("windowLists") List<ScheduleWindow> windows) {
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            for (int j = i + 1; j < windows.size(); j++) {
                if (clashOnSomeDate(windows.get(i), windows.get(j))) {
                    expected.add(List.of(windows.get(i).id(), windows.get(j).id()));
                }
            }
        }
        List<List<String>> found = WindowOverlaps.find(windows).stream()
                .map(overlap -> List.of(overlap.firstWindowId(), overlap.secondWindowId()))
                .toList();
        assertEquals(expected, found);
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void overlapIsSymmetric(@ForAll("windows") ScheduleWindow a, @ForAll("windows") ScheduleWindow b) {
        assertEquals(WindowOverlaps.overlap(a, b).isPresent(), WindowOverlaps.overlap(b, a).isPresent());
    }

    private static boolean clashOnSomeDate(ScheduleWindow a, ScheduleWindow b) {
        for (LocalDate date = WALK_FROM; !date.isAfter(WALK_TO); date = date.plusDays(1)) {
            if (!a.startsOn(date)) {
                continue;
            }
            LocalDateTime startA = date.atTime(a.start());
            LocalDateTime endA = a.endDate(date).atTime(a.end());
            for (int shift = -1; shift <= 1; shift++) {
                LocalDate dateB = date.plusDays(shift);
                if (!b.startsOn(dateB)) {
                    continue;
                }
                LocalDateTime startB = dateB.atTime(b.start());
                LocalDateTime endB = b.endDate(dateB).atTime(b.end());
                if (startA.isBefore(endB) && startB.isBefore(endA)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Provide
    Arbitrary<List<ScheduleWindow>> windowLists() {
        return windows().list().ofMaxSize(5).withSizeDistribution(RandomDistribution.uniform()).map(list -> {
            List<ScheduleWindow> renamed = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                ScheduleWindow w = list.get(i);
                renamed.add(new ScheduleWindow("w" + i, w.daysOfWeek(), w.start(), w.end(), w.mode(), w.validFrom(),
                        w.validUntil(), w.exceptDates()));
            }
            return renamed;
        });
    }

    @Provide
    Arbitrary<ScheduleWindow> windows() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(4)
                .withSizeDistribution(RandomDistribution.uniform());
        // Coarse times make touching and barely-overlapping windows common.
        Arbitrary<LocalTime> times = uniform(0, 23).map(h -> LocalTime.of(h, 0));
        Arbitrary<LocalDate> dates = uniform(0, 60).map(FIRST::plusDays);
        return Combinators.combine(days, times, times, dates.injectNull(0.5), dates.injectNull(0.5),
                dates.set().ofMaxSize(4).withSizeDistribution(RandomDistribution.uniform()))
                .as((d, start, end, from, until, except) -> {
                    boolean swap = from != null && until != null && until.isBefore(from);
                    return new ScheduleWindow("w", d, start, end, AccessMode.MANAGED_ACCESS, swap ? until : from,
                            swap ? from : until, except);
                });
    }

    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }
}
