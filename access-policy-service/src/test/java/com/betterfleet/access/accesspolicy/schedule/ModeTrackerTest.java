package com.betterfleet.access.accesspolicy.schedule;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.schedule.application.ChargerRef;
import com.betterfleet.access.accesspolicy.schedule.application.ExpectedModeChangedData;
import com.betterfleet.access.accesspolicy.schedule.application.ModeTracker;
import com.betterfleet.access.accesspolicy.schedule.application.TrackedState;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.ExpectedMode;
import com.betterfleet.access.accesspolicy.schedule.domain.PolicySource;

/** When an expected_mode_changed is due, and what is stored. */
class ModeTrackerTest {
    private static final ChargerRef CHARGER = new ChargerRef("ch-1", "acc-1", "depot-1");
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final Instant NEXT = Instant.parse("2026-11-30T18:00:00Z");
    /** Another managed window follows the first one: the mode only changes at 22:00. */
    private static final Instant MODE_END = Instant.parse("2026-11-30T22:00:00Z");
    private final ModeTracker tracker = new ModeTracker(Duration.ofDays(30));

    private static ExpectedMode managedWindow(String windowId) {
        return managedWindow(windowId, MODE_END);
    }

    private static ExpectedMode managedWindow(String windowId, Instant modeUntil) {
        return new ExpectedMode(AccessMode.MANAGED_ACCESS, NOW, NEXT, modeUntil, PolicySource.SCHEDULE, windowId, 3);
    }

    private static TrackedState stored(Instant nextBoundaryAt, Instant modeUntil) {
        return new TrackedState(AccessMode.MANAGED_ACCESS, PolicySource.SCHEDULE, "weekdays", 2, NOW.minusSeconds(60),
                nextBoundaryAt, modeUntil);
    }

    @Test
    void firstPolicyIsAChangeFromManagedAccessWithoutPolicy() {
        ModeTracker.Step step = tracker.track(CHARGER, null, managedWindow("weekdays"), NOW, NOW);
        ExpectedModeChangedData change = step.change().orElseThrow();
        assertThat(change.previousMode(), equalTo("managed_access"));
        assertThat(change.mode(), equalTo("managed_access"));
        assertThat(change.source(), equalTo("schedule"));
        assertThat(change.until(), equalTo(NEXT.toString()));
        assertThat(change.modeUntil(), equalTo(MODE_END.toString()));
        assertThat(step.next().nextBoundaryAt(), equalTo(NEXT));
        assertThat(step.next().modeUntil(), equalTo(MODE_END));
        assertThat(step.next().since(), equalTo(NOW));
    }

    @Test
    void sameModeWithAMovedEndIsAnnouncedWithTheNewEnd() {
        TrackedState stored = stored(NOW, MODE_END);
        ModeTracker.Step step = tracker.track(CHARGER, stored, managedWindow("weekdays"), NOW, NOW);
        assertThat(step.change().isPresent(), is(true));
        assertThat(step.change().get().until(), equalTo(NEXT.toString()));
        assertThat(step.next().since(), equalTo(stored.since()));
        // the state began before the write and goes on: a consumer must not see it start later
        assertThat(step.change().get().effectiveAt(), equalTo(stored.since().toString()));
        assertThat(step.next().policyVersion(), equalTo(3L));
        assertThat(step.next().nextBoundaryAt(), equalTo(NEXT));
    }

    @Test
    void sameModeAndSameEndIsNoEvent() {
        TrackedState stored = stored(NEXT, MODE_END);
        ModeTracker.Step step = tracker.track(CHARGER, stored, managedWindow("weekdays"), NOW, NOW);
        assertThat(step.change().isPresent(), is(false));
        assertThat(step.next().nextBoundaryAt(), equalTo(NEXT));
    }

    @Test
    void handOverBetweenWindowsOfOneModeIsAnEvent() {
        TrackedState stored = new TrackedState(AccessMode.MANAGED_ACCESS, PolicySource.SCHEDULE, "early", 3, NOW, NOW,
                MODE_END);
        assertThat(tracker.track(CHARGER, stored, managedWindow("late"), NOW, NOW).change().isPresent(), is(true));
    }

    @Test
    void noBoundaryWithinTheHorizonIsLookedAtAgainLater() {
        ExpectedMode forever = new ExpectedMode(AccessMode.FREEVEND, null, null, null, PolicySource.DEFAULT, null, 1);
        ModeTracker.Step step = tracker.track(CHARGER, null, forever, NOW, NOW);
        assertThat(step.next().nextBoundaryAt(), equalTo(NOW.plus(Duration.ofDays(30))));
        assertThat(step.change().orElseThrow().until(), nullValue());
        assertThat(step.change().orElseThrow().modeUntil(), nullValue());
    }

    @Test
    void sameBoundaryButAMovedModeUntilIsAnnounced() {
        // A later window of the same mode was edited: `until` stays, the end of the mode moved.
        Instant earlier = Instant.parse("2026-11-30T20:00:00Z");
        ModeTracker.Step step = tracker.track(CHARGER, stored(NEXT, MODE_END), managedWindow("weekdays", earlier), NOW, NOW);
        assertThat(step.change().orElseThrow().until(), equalTo(NEXT.toString()));
        assertThat(step.change().orElseThrow().modeUntil(), equalTo(earlier.toString()));
        assertThat(step.next().modeUntil(), equalTo(earlier));
        assertThat(step.next().nextBoundaryAt(), equalTo(NEXT));
    }

    @Test
    void modeUntilMovingToNoneIsAnnounced() {
        ModeTracker.Step step = tracker.track(CHARGER, stored(NEXT, MODE_END), managedWindow("weekdays", null), NOW, NOW);
        assertThat(step.change().orElseThrow().modeUntil(), nullValue());
        assertThat(step.next().modeUntil(), nullValue());
    }

    @Test
    void stateStoredBeforeModeUntilExistedGetsItAnnouncedOnce() {
        ModeTracker.Step first = tracker.track(CHARGER, stored(NEXT, null), managedWindow("weekdays"), NOW, NOW);
        assertThat(first.change().orElseThrow().modeUntil(), equalTo(MODE_END.toString()));
        assertThat(tracker.track(CHARGER, first.next(), managedWindow("weekdays"), NOW, NOW).change().isPresent(), is(false));
    }

    @Test
    void noModeChangeAheadStoredAsNoneIsNoEvent() {
        assertThat(tracker.track(CHARGER, stored(NEXT, null), managedWindow("weekdays", null), NOW, NOW).change()
                .isPresent(), is(false));
    }

    @Test
    void aChangeOfModeCarriesTheNewModesEnd() {
        TrackedState freevend = new TrackedState(AccessMode.FREEVEND, PolicySource.DEFAULT, null, 3, NOW.minusSeconds(600),
                NOW, NOW);
        ExpectedModeChangedData change = tracker.track(CHARGER, freevend, managedWindow("weekdays"), NOW, NOW).change()
                .orElseThrow();
        assertThat(change.previousMode(), equalTo("freevend"));
        assertThat(change.until(), equalTo(NEXT.toString()));
        assertThat(change.modeUntil(), equalTo(MODE_END.toString()));
    }

    @Test
    void leavingScheduledAccessAnnouncesSourceNone() {
        TrackedState stored = new TrackedState(AccessMode.FREEVEND, PolicySource.DEFAULT, null, 4, NOW, NEXT, NEXT);
        ExpectedModeChangedData change = tracker.leave(CHARGER, stored, 5, NOW).change().orElseThrow();
        assertThat(change.previousMode(), equalTo("freevend"));
        assertThat(change.mode(), equalTo("managed_access"));
        assertThat(change.source(), equalTo("none"));
        assertThat(change.policyVersion(), equalTo(5L));
        assertThat(change.until(), nullValue());
        assertThat(change.modeUntil(), nullValue());
    }
}
