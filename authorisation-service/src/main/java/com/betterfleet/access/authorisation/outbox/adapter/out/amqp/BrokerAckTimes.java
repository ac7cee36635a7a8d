package com.betterfleet.access.authorisation.outbox.adapter.out.amqp;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * {@code authorisation.decisions.broker.ack}: from sending a message of decisions to the broker's
 * acknowledgement of it. Authorize answers only after that acknowledgement (ADR 0010), so this is
 * its share of Authorize's latency, mostly the broker journal's disk sync, told apart from the
 * service's own. A histogram, for percentiles on dashboards and the AuthorisationBrokerSlowToAcknowledge
 * alert; created at start (the sender itself is created by the first Authorize), so that the alert's
 * series exists before it.
 */
@Startup
@Singleton
public class BrokerAckTimes {
    private final Timer timer;

    public BrokerAckTimes(MeterRegistry registry) {
        this.timer = Timer.builder("authorisation.decisions.broker.ack")
                .description("From sending a message of decisions to the broker's acknowledgement of it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(250_000))
                .maximumExpectedValue(Duration.ofSeconds(2))
                .register(registry);
    }

    void acknowledgedAfter(long nanos) {
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
