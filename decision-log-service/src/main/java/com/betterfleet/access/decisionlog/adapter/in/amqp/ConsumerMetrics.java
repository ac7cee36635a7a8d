package com.betterfleet.access.decisionlog.adapter.in.amqp;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.decisionlog.domain.StoreResult;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Consumer metrics (Prometheus names): {@code decision_log_records_stored_total{kind}},
 * {@code decision_log_records_duplicates_total{kind}} (redeliveries ignored),
 * {@code decision_log_messages_rejected_total{channel,reason}},
 * {@code decision_log_store_failures_total}, {@code decision_log_store_batch_size},
 * {@code decision_log_store_seconds}.
 */
@ApplicationScoped
public class ConsumerMetrics {
    private final MeterRegistry registry;
    private final Counter storeFailures;
    private final DistributionSummary batchSize;
    private final Timer storeTime;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.storeFailures = Counter.builder("decision_log.store.failures")
                .description("Batches that could not be stored (database unavailable); nacked for redelivery")
                .register(registry);
        this.batchSize = DistributionSummary.builder("decision_log.store.batch.size")
                .description("Records per INSERT/commit").register(registry);
        this.storeTime = Timer.builder("decision_log.store")
                .description("Time to store one batch").register(registry);
    }

    void stored(StoreResult result, int records, long nanos) {
        result.stored().forEach((kind, count) -> Counter.builder("decision_log.records.stored")
                .description("Records appended to the log").tag("kind", kind.value())
                .register(registry).increment(count));
        result.duplicates().forEach((kind, count) -> Counter.builder("decision_log.records.duplicates")
                .description("Records received again and ignored (already stored)").tag("kind", kind.value())
                .register(registry).increment(count));
        batchSize.record(records);
        if (nanos > 0) {
            storeTime.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    void rejected(String channel, String reason) {
        Counter.builder("decision_log.messages.rejected")
                .description("Events (or unreadable messages) that can never be stored, acknowledged and dropped; a broken element of a batch message counts on its own")
                .tag("channel", channel).tag("reason", reason)
                .register(registry).increment();
    }

    void storeFailed() {
        storeFailures.increment();
    }
}
