package com.betterfleet.access.accesspolicy.shared.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The service's clock: UTC, microsecond precision (what timestamptz stores, so values round-trip). */
public class ClockProducer {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
