package com.betterfleet.access.authorisation.decision.application;

import java.util.EnumMap;
import java.util.Map;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.decision.domain.DecisionReason;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * {@code authorisation.decisions{reason, decision}}: answered decisions, counted after they are
 * durable. Created at start, so every series is exported at 0 before the first decision.
 */
@Startup
@Singleton
public class DecisionMetrics {
    private final Map<DecisionReason, Counter> byReason = new EnumMap<>(DecisionReason.class);

    public DecisionMetrics(MeterRegistry registry) {
        for (DecisionReason reason : DecisionReason.values()) {
            byReason.put(reason, Counter.builder("authorisation.decisions")
                    .description("Authorize decisions answered, by reason")
                    .tag("reason", reason.wire())
                    .tag("decision", reason.outcome().wire())
                    .register(registry));
        }
    }

    public void answered(DecisionReason reason) {
        byReason.get(reason).increment();
    }
}
