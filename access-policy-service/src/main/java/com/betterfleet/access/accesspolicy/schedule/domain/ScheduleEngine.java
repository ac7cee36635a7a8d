package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates an {@link AccessPolicy}: the expected mode is a pure function of (policy, instant).
 *
 * <p>At an instant, in this order:
 * <ol>
 * <li>an override whose {@code until} is after the instant: its mode, source {@code OVERRIDE};</li>
 * <li>a window occurrence {@code [start, end)} holding the instant: its mode, source
 * {@code SCHEDULE}, its id. If several hold it (only possible for a policy with overlapping windows,
 * or inside a spring-forward gap, see below) the one that started last wins, ties going to the
 * window listed first;</li>
 * <li>otherwise the default mode, source {@code DEFAULT}.</li>
 * </ol>
 *
 * <p>Local times become instants as RFC 5545 says: a local time in a spring-forward gap is read with
 * the offset before the transition (Europe/London 01:30 on 2027-03-28 is 02:30 BST), a local time
 * that happens twice means the first one. Window ends follow the same rule, so an occurrence can
 * come out empty (01:30-02:30 on that London day) or inverted (01:30-02:00); either contributes
 * nothing. Because a gap-shifted end can run past the wall-clock start of the next window
 * (00:00-01:45 then 02:00-03:00 on that day), "the one that started last wins" hands over at the
 * later window's start, as a clock on the wall would.
 *
 * <p>Boundaries are changes of (mode, source, window id); occurrences of the same window that touch
 * (a window every day 06:00-06:00) do not make one. Searches for the next or previous boundary look
 * at most {@link #HORIZON} away, which is longer than any weekly pattern and a year's validity
 * dates; past it the answer is "no boundary" rather than an unbounded search.
 */
public final class ScheduleEngine {
    /** How far {@code until}, {@code since} and the boundary searches look. */
    public static final Duration HORIZON = Duration.ofDays(400);

    /**
     * Forward and backward searches go in steps of this size, so the usual case (a boundary within a
     * week) builds occurrences for about eleven local dates only.
     */
    private static final Duration SCAN_STEP = Duration.ofDays(7);

    private static final Comparator<Occurrence> BY_START =
            Comparator.comparing(Occurrence::start).thenComparingInt(Occurrence::index);

    private ScheduleEngine() {
    }

    /**
     * The expected mode at {@code at}, the maximal interval around it with the same mode, source and
     * window, and the first change of the mode itself ({@link ExpectedMode#modeUntil()}).
     */
    public static ExpectedMode expectedModeAt(AccessPolicy policy, Instant at) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(at, "at");
        Backward backward = backward(policy, at);
        // One scan gives both: it runs on past the first boundary only while the mode stays the same.
        Ahead ahead = ahead(policy, at, true);
        State state = backward.state();
        return new ExpectedMode(state.mode(), backward.since(), ahead.boundary, ahead.modeChange, state.source(),
                state.windowId(), policy.version());
    }

    /**
     * The schedule over {@code [from, to)}: intervals that tile it exactly, in order, adjacent ones
     * always differing in mode, source or window. Empty when {@code from} equals {@code to}.
     *
     * <p>Cost grows with the length of the range; callers exposing this to users bound the range.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public static List<ResolvedInterval> resolve(AccessPolicy policy, Instant from, Instant to) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        List<ResolvedInterval> intervals = new ArrayList<>();
        if (from.equals(to)) {
            return intervals;
        }
        Instant[] currentStart = {null};
        State[] currentState = {null};
        sweep(policy, from, to, (instant, state) -> {
            if (currentState[0] == null) {
                currentStart[0] = instant;
                currentState[0] = state;
            } else if (!state.equals(currentState[0])) {
                intervals.add(currentState[0].interval(currentStart[0], instant));
                currentStart[0] = instant;
                currentState[0] = state;
            }
            return true;
        });
        intervals.add(currentState[0].interval(currentStart[0], to));
        return intervals;
    }

    /**
     * The first instant after {@code after} at which the expected mode, its source or its window
     * changes; empty if there is none before {@code after + HORIZON}.
     */
    public static Optional<Instant> nextBoundary(AccessPolicy policy, Instant after) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(after, "after");
        return Optional.ofNullable(ahead(policy, after, false).boundary);
    }

    /**
     * The first instant after {@code after} at which the access mode itself differs from the mode at
     * {@code after} (a hand-over between two windows of the same mode is not one); empty if there is
     * none before {@code after + HORIZON}. This is where a managed period really ends, e.g. for the
     * {@code expiryDate} of an authorisation.
     */
    public static Optional<Instant> nextModeChange(AccessPolicy policy, Instant after) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(after, "after");
        return Optional.ofNullable(ahead(policy, after, true).modeChange);
    }

    /**
     * Scans forward from {@code after} to the first boundary or, if {@code toModeChange}, on to the
     * first change of mode (which is never before the first boundary), at most {@link #HORIZON} away.
     */
    private static Ahead ahead(AccessPolicy policy, Instant after, boolean toModeChange) {
        Instant limit = after.plus(HORIZON);
        AccessOverride override = policy.override();
        // Without this a mode that never changes would be searched for across the whole horizon.
        Ahead search = new Ahead(toModeChange && modeMayChange(policy, after, limit));
        Instant cursor = after;
        while (cursor.isBefore(limit)) {
            if (override != null && override.appliesAt(cursor)) {
                // Nothing else matters before the override ends: skip the occurrences it hides.
                if (!search.accept(cursor, State.of(override))) {
                    return search;
                }
                cursor = earlier(override.until(), limit);
                continue;
            }
            Instant end = earlier(cursor.plus(SCAN_STEP), limit);
            sweep(policy, cursor, end, search);
            if (search.done()) {
                return search;
            }
            cursor = end;
        }
        return search;
    }

    /**
     * Whether more than one mode can be in force in {@code [after, limit)}: the default, an override
     * still in force and every window whose validity lets it start an occurrence reaching into that
     * range (the same start dates {@link #occurrences} looks at). If only one can, the mode never
     * changes there.
     */
    private static boolean modeMayChange(AccessPolicy policy, Instant after, Instant limit) {
        Set<AccessMode> modes = EnumSet.of(policy.defaultMode());
        AccessOverride override = policy.override();
        if (override != null && override.appliesAt(after)) {
            modes.add(override.mode());
        }
        ZoneId zone = policy.timeZone();
        LocalDate first = LocalDate.ofInstant(after, zone).minusDays(2);
        LocalDate last = LocalDate.ofInstant(limit, zone).plusDays(1);
        for (ScheduleWindow window : policy.windows()) {
            boolean ended = window.validUntil() != null && window.validUntil().isBefore(first);
            boolean notYet = window.validFrom() != null && window.validFrom().isAfter(last);
            if (!ended && !notYet) {
                modes.add(window.mode());
            }
        }
        return modes.size() > 1;
    }

    /** The state at {@code at} and where it began, searching back at most {@link #HORIZON}. */
    private static Backward backward(AccessPolicy policy, Instant at) {
        AccessOverride override = policy.override();
        if (override != null && override.appliesAt(at)) {
            return new Backward(State.of(override), null);
        }
        Instant limit = at.minus(HORIZON);
        // The first step ends just after `at` so that its last piece is the one holding `at`.
        Instant end = at.plusNanos(1);
        State current = null;
        while (end.isAfter(limit)) {
            Instant start = later(end.minus(SCAN_STEP), limit);
            LastChange step = new LastChange();
            sweep(policy, start, end, step);
            if (current == null) {
                current = step.last;
            } else if (!step.last.equals(current)) {
                return new Backward(current, end);
            }
            if (step.change != null) {
                return new Backward(current, step.change);
            }
            end = start;
        }
        return new Backward(current, null);
    }

    /**
     * Feeds {@code sink} the state at {@code from} and at every later instant in {@code [from, to)}
     * where it may change, in order. Consecutive calls may carry equal states; sinks merge them.
     */
    private static void sweep(AccessPolicy policy, Instant from, Instant to, Sink sink) {
        List<Occurrence> occurrences = occurrences(policy, from, to);
        List<Instant> instants = new ArrayList<>(occurrences.size() * 2 + 2);
        instants.add(from);
        for (Occurrence occurrence : occurrences) {
            if (occurrence.start().isAfter(from)) {
                instants.add(occurrence.start());
            }
            if (occurrence.end().isBefore(to)) {
                instants.add(occurrence.end());
            }
        }
        AccessOverride override = policy.override();
        if (override != null && override.until().isAfter(from) && override.until().isBefore(to)) {
            instants.add(override.until());
        }
        instants.sort(null);

        List<Occurrence> active = new ArrayList<>(4);
        int next = 0;
        Instant previous = null;
        for (Instant instant : instants) {
            if (instant.equals(previous)) {
                continue;
            }
            previous = instant;
            while (next < occurrences.size() && !occurrences.get(next).start().isAfter(instant)) {
                active.add(occurrences.get(next++));
            }
            active.removeIf(occurrence -> !occurrence.end().isAfter(instant));
            if (!sink.accept(instant, stateAt(policy, instant, active))) {
                return;
            }
        }
    }

    private static State stateAt(AccessPolicy policy, Instant instant, List<Occurrence> active) {
        AccessOverride override = policy.override();
        if (override != null && override.appliesAt(instant)) {
            return State.of(override);
        }
        Occurrence winner = null;
        for (Occurrence occurrence : active) {
            if (winner == null || startedLater(occurrence, winner)) {
                winner = occurrence;
            }
        }
        if (winner == null) {
            return new State(policy.defaultMode(), PolicySource.DEFAULT, null);
        }
        ScheduleWindow window = winner.window();
        return new State(window.mode(), PolicySource.SCHEDULE, window.id());
    }

    private static boolean startedLater(Occurrence candidate, Occurrence winner) {
        int byStart = candidate.start().compareTo(winner.start());
        return byStart > 0 || byStart == 0 && candidate.index() < winner.index();
    }

    /**
     * Non-empty occurrences meeting {@code [from, to)}, by start. An occurrence lasts at most a day
     * plus a daylight-saving shift, so local start dates from two days before {@code from} to one day
     * after {@code to} cover every one, whatever the offsets on the way.
     */
    private static List<Occurrence> occurrences(AccessPolicy policy, Instant from, Instant to) {
        List<ScheduleWindow> windows = policy.windows();
        if (windows.isEmpty()) {
            return List.of();
        }
        ZoneId zone = policy.timeZone();
        ZoneRules rules = zone.getRules();
        LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
        List<Occurrence> occurrences = new ArrayList<>();
        for (LocalDate date = LocalDate.ofInstant(from, zone).minusDays(2); !date.isAfter(last);
                date = date.plusDays(1)) {
            for (int index = 0; index < windows.size(); index++) {
                ScheduleWindow window = windows.get(index);
                if (!window.startsOn(date)) {
                    continue;
                }
                Instant start = toInstant(rules, date, window.start());
                Instant end = toInstant(rules, window.endDate(date), window.end());
                if (start.isBefore(end) && end.isAfter(from) && start.isBefore(to)) {
                    occurrences.add(new Occurrence(start, end, index, window));
                }
            }
        }
        occurrences.sort(BY_START);
        return occurrences;
    }

    /**
     * RFC 5545 reading of a local time. {@link ZoneRules#getOffset(LocalDateTime)} returns the offset
     * before the transition both in a gap and in an overlap, which is exactly that rule (and what
     * {@code ZonedDateTime.of} does), without building a zoned value per occurrence.
     */
    static Instant toInstant(ZoneRules rules, LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        return local.toInstant(rules.getOffset(local));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Occurrence(Instant start, Instant end, int index, ScheduleWindow window) {
    }

    private record State(AccessMode mode, PolicySource source, String windowId) {
        static State of(AccessOverride override) {
            return new State(override.mode(), PolicySource.OVERRIDE, null);
        }

        ResolvedInterval interval(Instant from, Instant to) {
            return new ResolvedInterval(mode, from, to, source, windowId);
        }
    }

    private record Backward(State state, Instant since) {
    }

    @FunctionalInterface
    private interface Sink {
        /** @return whether to go on */
        boolean accept(Instant instant, State state);
    }

    /**
     * Remembers the first state it sees, the first instant with another state (a boundary) and the
     * first with another mode; stops at the boundary, or at the change of mode if asked to go on.
     */
    private static final class Ahead implements Sink {
        private final boolean toModeChange;
        private State first;
        private Instant boundary;
        private Instant modeChange;

        Ahead(boolean toModeChange) {
            this.toModeChange = toModeChange;
        }

        @Override
        public boolean accept(Instant instant, State state) {
            if (first == null) {
                first = state;
                return true;
            }
            if (boundary == null && !first.equals(state)) {
                boundary = instant;
            }
            if (modeChange == null && first.mode() != state.mode()) {
                modeChange = instant;
            }
            return !done();
        }

        boolean done() {
            return toModeChange ? modeChange != null : boundary != null;
        }
    }

    /** Remembers the last state and the last instant at which the state changed. */
    private static final class LastChange implements Sink {
        private State last;
        private Instant change;

        @Override
        public boolean accept(Instant instant, State state) {
            if (last != null && !last.equals(state)) {
                change = instant;
            }
            last = state;
            return true;
        }
    }
}
