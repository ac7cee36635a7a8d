package com.betterfleet.access.decisionlog.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.betterfleet.access.local.EmbeddedAmqpBroker;
import com.betterfleet.access.local.testsupport.AmqpBrokerTestResource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Publishes {@link #COUNT} decisions into the durable queue of decision-log-service before the
 * application starts, as if the service had been stopped while they were made. The backlog test
 * checks they are all stored once each after the application has started.
 */
public class BacklogPublisherResource implements QuarkusTestResourceLifecycleManager {
    public static final int COUNT = 500;
    public static final String CHARGER = "CP-BACKLOG-1";
    public static final String ACCOUNT = "acc-backlog";
    private static volatile long queuedBeforeStart = -1;

    @Override
    public Map<String, String> start() {
        EmbeddedAmqpBroker broker = AmqpBrokerTestResource.broker();
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS);
        List<String> events = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            events.add(Events.decision().charger(CHARGER).account(ACCOUNT).at(base.plusMillis(i)).json());
        }
        try (AmqpTestPublisher publisher = new AmqpTestPublisher(broker.host(), broker.port())) {
            publisher.publish(AmqpTestPublisher.DECISIONS, events);
        }
        queuedBeforeStart = broker.messageCount(AmqpTestPublisher.DECISIONS, "decision-log.decisions");
        return Map.of();
    }

    /** Messages waiting in decision-log.decisions when the application had not started yet. */
    public static long queuedBeforeStart() {
        return queuedBeforeStart;
    }

    @Override
    public int order() {
        return 100; // after the broker resource
    }

    @Override
    public void stop() {
    }
}
