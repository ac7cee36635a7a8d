package com.betterfleet.access.authorisation.decision.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class UnknownChargersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnknownChargers unknown = new UnknownChargers(registry);

    private double counted() {
        return registry.get("authorisation.decisions.unknown.charger").counter().count();
    }

    @Test
    void countsEveryDecisionButLogsEachChargerOnce() {
        unknown.decidingAt("CP-1");
        unknown.decidingAt("CP-1");
        unknown.decidingAt("CP-2");
        assertEquals(3, counted());
        assertEquals(2, unknown.loggedChargers());
    }

    @Test
    void madeUpChargerIdsCannotGrowTheLoggedSetPastItsBound() {
        int beyond = UnknownChargers.LOGGED_CHARGERS_MAX + 25;
        for (int i = 0; i < beyond; i++) {
            unknown.decidingAt("CP-" + i);
        }
        assertEquals(UnknownChargers.LOGGED_CHARGERS_MAX, unknown.loggedChargers());
        assertEquals(beyond, counted(), "the counter still counts every decision");
    }
}
