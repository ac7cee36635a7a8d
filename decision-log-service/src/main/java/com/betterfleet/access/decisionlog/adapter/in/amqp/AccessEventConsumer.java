package com.betterfleet.access.decisionlog.adapter.in.amqp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.betterfleet.access.decisionlog.adapter.in.amqp.MessageBatcher.Pending;
import com.betterfleet.access.decisionlog.application.RecordIngestionService;
import com.betterfleet.access.decisionlog.application.port.RecordRejectedException;
import com.betterfleet.access.decisionlog.config.DecisionLogConfig;
import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.StoreResult;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Consumes every charger_access.* event from this service's three queues and appends it to the
 * log, at least once and idempotently:
 * <ul>
 * <li>a message is acknowledged only after the commit that stored it (or found it stored);</li>
 * <li>a database failure nacks the batch (the broker redelivers it: failure strategy
 * {@code modified-failed}) and the next batch waits, doubling up to a limit;</li>
 * <li>a message that can never be stored (not JSON, not a charger_access event, missing or
 * invalid fields, refused by a constraint) is logged by id and type, counted in
 * {@code decision_log_messages_rejected_total}, and acknowledged, so it cannot block the queue
 * (ADR 0006). Its body is never logged: it may hold identifiers.</li>
 * </ul>
 */
@ApplicationScoped
public class AccessEventConsumer {
    private static final Logger LOG = Logger.getLogger(AccessEventConsumer.class);
    /** Buffered plus storing messages, across the three channels. */
    private static final int MAX_IN_FLIGHT_BATCHES = 4;

    private final RecordIngestionService ingestion;
    private final CloudEventParser parser;
    private final ConsumerMetrics metrics;
    private final DecisionLogConfig.Ingest config;
    private final MessageBatcher batcher;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    public AccessEventConsumer(RecordIngestionService ingestion, CloudEventParser parser, ConsumerMetrics metrics,
            DecisionLogConfig config, MeterRegistry registry) {
        this.ingestion = ingestion;
        this.parser = parser;
        this.metrics = metrics;
        this.config = config.ingest();
        int batchSize = Math.max(1, this.config.batchSize());
        this.batcher = new MessageBatcher(batchSize, this.config.batchWindow(), batchSize * MAX_IN_FLIGHT_BATCHES,
                this::storeBatch);
        Gauge.builder("decision_log.consumer.in_flight", batcher, MessageBatcher::inFlight)
                .description("Messages received and not yet settled").register(registry);
    }

    /** charger_access.decision_recorded from authorisation-service. */
    @Incoming("decisions")
    public Uni<Void> onDecision(Message<Object> message) {
        return batcher.submit("decisions", message);
    }

    /** policy_changed, expected_mode_changed, capability_changed from access-policy-service. */
    @Incoming("policy")
    public Uni<Void> onPolicyEvent(Message<Object> message) {
        return batcher.submit("policy", message);
    }

    /** mode_change_requested / confirmed / failed from mode-apply-service. */
    @Incoming("mode-changes")
    public Uni<Void> onModeChange(Message<Object> message) {
        return batcher.submit("mode-changes", message);
    }

    /** Stores one batch and settles each of its messages. Never fails. */
    Uni<Void> storeBatch(List<Pending> batch) {
        List<Pending> accepted = new ArrayList<>(batch.size());
        List<AccessRecord> records = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            try {
                records.add(parser.parse(body(pending.message())));
                accepted.add(pending);
            } catch (MalformedEventException e) {
                reject(pending, e.reason(), e.getMessage());
            }
        }
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long started = System.nanoTime();
        // deferred: an exception thrown while building the insert becomes a failure, so the batch is nacked, not stranded
        return Uni.createFrom().deferred(() -> ingestion.append(records))
                .onItem().transformToUni(result -> {
                    metrics.stored(result, records.size(), System.nanoTime() - started);
                    LOG.debugf("Batch of %d record(s): %s", records.size(), summary(result));
                    recovered();
                    accepted.forEach(p -> p.message().ack());
                    return Uni.createFrom().voidItem();
                })
                .onFailure(RecordRejectedException.class).recoverWithUni(e -> storeOneByOne(accepted, records))
                .onFailure().recoverWithUni(e -> failed(accepted, e));
    }

    /** A batch with a record the database refuses: store the others, reject that one. */
    private Uni<Void> storeOneByOne(List<Pending> accepted, List<AccessRecord> records) {
        if (records.size() == 1) {
            reject(accepted.get(0), "refused_by_database", "the database refused the record");
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().range(0, records.size())
                .onItem().transformToUniAndConcatenate(i -> ingestion.append(List.of(records.get(i)))
                        .onItem().invoke(result -> {
                            metrics.stored(result, 1, 0);
                            accepted.get(i).message().ack();
                        })
                        .replaceWith(i)
                        .onFailure(RecordRejectedException.class).recoverWithItem(e -> {
                            reject(accepted.get(i), "refused_by_database", e.getMessage());
                            return i;
                        }))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> failed(List<Pending> accepted, Throwable failure) {
        int inARow = failuresInARow.incrementAndGet();
        metrics.storeFailed();
        Duration wait = backoff(inARow);
        if (inARow == 1 || inARow % 10 == 0) {
            LOG.errorf("Could not store %d record(s) (failure %d in a row: %s); nacked for redelivery, next attempt in %d ms",
                    accepted.size(), inARow, describe(failure), wait.toMillis());
        }
        accepted.forEach(p -> p.message().nack(failure));
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    private void recovered() {
        int previous = failuresInARow.getAndSet(0);
        if (previous > 0) {
            LOG.infof("Storing records again after %d failed attempt(s)", previous);
        }
    }

    Duration backoff(int failuresInARow) {
        long initial = Math.max(1, config.retryInitialDelay().toMillis());
        long max = Math.max(initial, config.retryMaxDelay().toMillis());
        long wait = initial << Math.min(20, failuresInARow - 1);
        return Duration.ofMillis(Math.min(max, wait));
    }

    private void reject(Pending pending, String reason, String detail) {
        CloudEventParser.EventRef ref = safeReference(pending.message());
        LOG.warnf("Dropped a message from channel %s that cannot be stored: reason=%s, event id=%s, type=%s, charger=%s: %s",
                pending.channel(), reason, ref.id(), ref.type(), ref.subject(), detail);
        metrics.rejected(pending.channel(), reason);
        pending.message().ack();
    }

    private CloudEventParser.EventRef safeReference(Message<?> message) {
        try {
            return parser.reference(body(message));
        } catch (MalformedEventException e) {
            return CloudEventParser.EventRef.UNKNOWN;
        }
    }

    /** The body as text: an AMQP string value, binary data, or JSON the connector decoded. */
    static String body(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof String text) {
            return text;
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (payload instanceof io.vertx.core.buffer.Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        if (payload instanceof io.vertx.mutiny.core.buffer.Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        if (payload instanceof io.vertx.core.json.JsonObject object) {
            return object.encode();
        }
        throw new MalformedEventException("unsupported_body",
                "body type " + (payload == null ? "none" : payload.getClass().getSimpleName()) + " is not JSON text");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        // driver messages name the failing statement or connection, not the row values
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + truncate(message));
    }

    private static String truncate(String message) {
        String oneLine = message.replace('\n', ' ');
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    static String summary(StoreResult result) {
        return result.storedCount() + " stored, " + result.duplicateCount() + " duplicate(s)";
    }
}
