package com.betterfleet.access.local.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.betterfleet.access.local.EmbeddedAmqpBroker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one real AMQP 1.0 broker per test JVM and points the service's AMQP connector at it.
 * Tests reach it through {@link #broker()} to stop and restart it (fault tests).
 */
public class AmqpBrokerTestResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedAmqpBroker broker;

    @Override
    public Map<String, String> start() {
        EmbeddedAmqpBroker b = broker();
        return Map.of(
                "amqp-host", b.host(),
                "amqp-port", Integer.toString(b.port()));
    }

    public static synchronized EmbeddedAmqpBroker broker() {
        if (broker == null) {
            try {
                broker = EmbeddedAmqpBroker.temporary("amqp-broker").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "amqp-broker-close"));
        }
        if (!broker.isRunning()) {
            broker.start();
        }
        return broker;
    }

    @Override
    public void stop() {
        // Kept for the next test profile of this JVM; the shutdown hook stops it and deletes its journal.
    }
}
