package com.betterfleet.access.authorisation.decision.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Authorize at a charger this service has no event for. Such a charger has no known account, so it
 * refuses every identifier (docs/authorisation-service.md): after a cut-over from the Core path
 * that looks like a depot refusing its whole fleet, and the decision records alone do not say why.
 * Counted ({@code authorisation.decisions.unknown.charger}, alert AuthorisationUnknownChargers)
 * and logged once per charger and process, so the log names the chargers to register. Created at
 * start, so that the counter is exported at 0 before the first such decision: a rule on its increase
 * sees the first one.
 */
@Startup
@Singleton
public class UnknownChargers {
    private static final Logger LOG = Logger.getLogger(UnknownChargers.class);
    /** Bounds the memory a flood of made-up charger ids can take; beyond it only the counter counts. */
    static final int LOGGED_CHARGERS_MAX = 10_000;

    private final Counter decisions;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public UnknownChargers(MeterRegistry registry) {
        this.decisions = Counter.builder("authorisation.decisions.unknown.charger")
                .description("Authorize decisions at chargers this service has no policy, mode or capability event for;"
                        + " every identifier is refused there")
                .register(registry);
    }

    /** A decision is being made at {@code chargerId}, of which nothing is known. */
    public void decidingAt(String chargerId) {
        decisions.increment();
        if (logged.size() < LOGGED_CHARGERS_MAX && logged.add(chargerId)) {
            LOG.warnf("Authorize at charger %s, which this service has no policy, mode or capability event for:"
                    + " it belongs to no known account, so every identifier is refused there until its capability or"
                    + " policy is registered (runbook: A charger refuses everyone)", chargerId);
        }
    }

    /** How many chargers have been logged (for tests of the bound). */
    int loggedChargers() {
        return logged.size();
    }
}
