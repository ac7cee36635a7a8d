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

    /**
     * Stores the records of a batch of messages and settles each message. A message may carry one
     * event or a CloudEvents JSON batch of them (ADR 0011); it is acknowledged once all its records
     * are stored (or found stored), or rejected one by one. Never fails.
     */
    Uni<Void> storeBatch(List<Pending> batch) {
        List<Pending> accepted = new ArrayList<>(batch.size());
        List<AccessRecord> records = new ArrayList<>(batch.size());
        List<String> channels = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            List<CloudEventParser.Parsed> events;
            try {
                events = parser.parseMessage(body(pending.message()));
            } catch (MalformedEventException e) {
                reject(pending, e.reason(), e.getMessage());
                continue;
            }
            for (CloudEventParser.Parsed event : events) {
                if (event.malformed() != null) {
                    dropped(pending.channel(), event.ref(), event.malformed().reason(), event.malformed().getMessage());
                } else {
                    records.add(event.record());
                    channels.add(pending.channel());
                }
            }
            accepted.add(pending);
        }
        if (records.isEmpty()) {
            accepted.forEach(p -> p.message().ack());
            return Uni.createFrom().voidItem();
        }
        long started = System.nanoTime();
        // deferred: an exception thrown while building the insert becomes a failure, so the batch is nacked, not stranded
        return Uni.createFrom().deferred(() -> ingestion.append(records))
                .onItem().invoke(result -> {
                    metrics.stored(result, records.size(), System.nanoTime() - started);
                    LOG.debugf("Batch of %d record(s): %s", records.size(), summary(result));
                })
                .replaceWithVoid()
                .onFailure(RecordRejectedException.class).recoverWithUni(e -> storeOneByOne(records, channels))
                .onItem().invoke(() -> {
                    recovered();
                    accepted.forEach(p -> p.message().ack());
                })
                .onFailure().recoverWithUni(e -> failed(accepted, e));
    }

    /**
     * A batch with a record the database refuses: store the others, reject that one. Messages are
     * settled by the caller once every record is done; a failure of another kind fails the whole
     * batch, which is then redelivered (records already stored come back as duplicates).
     */
    private Uni<Void> storeOneByOne(List<AccessRecord> records, List<String> channels) {
        return Multi.createFrom().range(0, records.size())
                .onItem().transformToUniAndConcatenate(i -> ingestion.append(List.of(records.get(i)))
                        .onItem().invoke(result -> metrics.stored(result, 1, 0))
                        .replaceWith(i)
                        .onFailure(RecordRejectedException.class).recoverWithItem(e -> {
                            AccessRecord record = records.get(i);
                            dropped(channels.get(i), new CloudEventParser.EventRef(record.recordId(),
                                    record.kind().value(), record.chargerId()), "refused_by_database", e.getMessage());
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

    /** A message that cannot be read at all: logged, counted and acknowledged. */
    private void reject(Pending pending, String reason, String detail) {
        dropped(pending.channel(), safeReference(pending.message()), reason, detail);
        pending.message().ack();
    }

    /** An event that can never be stored: logged by id and type (never its body) and counted. */
    private void dropped(String channel, CloudEventParser.EventRef ref, String reason, String detail) {
        LOG.warnf("Dropped an event from channel %s that cannot be stored: reason=%s, event id=%s, type=%s, charger=%s: %s",
                channel, reason, ref.id(), ref.type(), ref.subject(), detail);
        metrics.rejected(channel, reason);
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
