package com.betterfleet.access.decisionlog.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.betterfleet.access.local.EmbeddedAmqpBroker;
import com.betterfleet.access.local.testsupport.AmqpBrokerTestResource;

/** Publishing through the real broker and waiting for the consumer, with bounded waits only. */
public final class Scenario {
    public static final Duration STORE_TIMEOUT = Duration.ofSeconds(20);
    private static AmqpTestPublisher publisher;

    private Scenario() {
    }

    public static synchronized AmqpTestPublisher publisher() {
        if (publisher == null) {
            EmbeddedAmqpBroker broker = AmqpBrokerTestResource.broker();
            publisher = new AmqpTestPublisher(broker.host(), broker.port());
            AmqpTestPublisher created = publisher;
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "test-publisher-close"));
        }
        return publisher;
    }

    /** Publishes and waits until the log holds exactly {@code expected} rows for these record ids. */
    public static void publishAndAwait(String address, List<String> bodies, Collection<String> recordIds, long expected) {
        publisher().publish(address, bodies);
        awaitStored(recordIds, expected);
    }

    public static void awaitStored(Collection<String> recordIds, long expected) {
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> Database.countRecords(recordIds) >= expected);
    }

    /** A fresh account id, so that every test sees only its own records. */
    public static String newAccount() {
        return "acc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh charger id. */
    public static String newCharger() {
        return "CP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
