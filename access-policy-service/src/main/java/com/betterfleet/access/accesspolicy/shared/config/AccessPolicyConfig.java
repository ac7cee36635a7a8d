package com.betterfleet.access.accesspolicy.shared.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of access-policy-service ({@code access-policy.*}). */
@ConfigMapping(prefix = "access-policy")
public interface AccessPolicyConfig {
    Ticker ticker();

    Outbox outbox();

    Api api();

    Capability capability();

    /** The boundary ticker: finds chargers whose expected mode may have changed and publishes the change. */
    interface Ticker {
        /** Whether this replica runs the ticker at all (every replica may; they share the work). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Pause between two ticks. Bounds how late a boundary is published (plus the relay's
         * latency); an idle tick is one index probe.
         */
        @WithDefault("PT0.2S")
        Duration interval();

        /** Due chargers handled in one transaction. */
        @WithDefault("1000")
        int batchSize();

        /** Transactions one tick may run back to back before it yields to the next tick. */
        @WithDefault("50")
        int maxBatchesPerTick();

        /**
         * When the engine finds no boundary within its horizon (a policy that never changes again),
         * look at the charger again after this long rather than never.
         */
        @WithDefault("P30D")
        Duration recheckAfter();

        /** Upper bound on any single database round trip of a tick. */
        @WithDefault("PT30S")
        Duration databaseTimeout();
    }

    /** The outbox relay: sends outbox rows to the broker and deletes them once settled. */
    interface Outbox {
        @WithDefault("true")
        boolean enabled();

        /** Pause between two relay runs when nothing nudges it (every commit that wrote events does). */
        @WithDefault("PT0.25S")
        Duration interval();

        /** Rows sent per batch; the batch is deleted once the broker settled it. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for the broker to settle a batch before it retries it. */
        @WithDefault("PT5S")
        Duration settleTimeout();

        /** First pause after a failed batch; doubles up to {@link #maxBackoff()}. */
        @WithDefault("PT0.25S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();

        /** The broker address the events go to (multicast; docs/architecture.md). */
        @WithDefault("charger-access.policy")
        String address();

        /** Broker host (application.properties reads the shared {@code amqp-host}). */
        @WithDefault("localhost")
        String host();

        /** Broker AMQP port (application.properties reads the shared {@code amqp-port}). */
        @WithDefault("5672")
        int port();

        /** Broker user, if the broker wants one ({@code amqp-username}). */
        Optional<String> username();

        /** Broker password ({@code amqp-password}, from the Secret). */
        Optional<String> password();
    }

    /** Limits of the REST API. */
    interface Api {
        /** Longest range GET access-schedule resolves. */
        @WithDefault("P92D")
        Duration maxScheduleRange();

        /** Range GET access-schedule resolves when {@code to} is not given. */
        @WithDefault("P7D")
        Duration defaultScheduleRange();

        @WithDefault("50")
        int maxWindows();

        @WithDefault("366")
        int maxExceptDates();

        @WithDefault("50")
        int defaultPageSize();

        @WithDefault("500")
        int maxPageSize();
    }

    /** Charger family profiles (decisions.md section 4). */
    interface Capability {
        /**
         * A JSON file with the family profiles, replacing the built-in
         * {@code charger-families.json}; same shape.
         */
        Optional<String> familiesFile();
    }
}
