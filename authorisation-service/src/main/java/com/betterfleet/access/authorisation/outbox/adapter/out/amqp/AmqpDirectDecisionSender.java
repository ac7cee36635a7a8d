package com.betterfleet.access.authorisation.outbox.adapter.out.amqp;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.outbox.application.DirectDecisionSender;
import com.betterfleet.access.authorisation.outbox.application.OutboxMessage;
import com.betterfleet.access.authorisation.shared.config.OutboxConfig;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * Sends decisions on the Authorize path over one long-lived AMQP 1.0 connection of its own. Requests
 * arrive on many event loops; the AMQP client is not thread-safe, so submissions are queued and
 * drained on this sender's single Vert.x context, where everything below happens. The decisions
 * waiting when the drain runs go in one message (up to {@code access.outbox.broker-batch-max}, in
 * the CloudEvents JSON batch format, ADR 0011): the broker then journals, delivers and settles one
 * message for many decisions, which is most of the pipeline's cost under load. Up to
 * {@code access.outbox.broker-max-in-flight} messages are unacknowledged at once; beyond that
 * decisions gather for the next acknowledgement, so batches grow with the load and a lone decision
 * goes at once. A decision not acknowledged within {@code access.outbox.broker-ack-timeout} is reported
 * unsettled (its decision goes to the outbox) while the connection stays: a busy broker is slow, not
 * gone. When the connection fails, or the broker acknowledged nothing at all for a whole timeout, the
 * connection is dropped and for {@code access.outbox.broker-retry-after} every decision is reported
 * unsettled at once, so that Authorize goes straight to the outbox while the broker is away instead
 * of waiting on it.
 */
@Singleton
public class AmqpDirectDecisionSender implements DirectDecisionSender {
    private static final Logger LOG = Logger.getLogger(AmqpDirectDecisionSender.class);
    private static final long SWEEP_MILLIS = 25;
    /** How long a lost connection waits before it is logged as an outage (see lost()). */
    private static final long WARN_DELAY_MILLIS = 1_000;
    /**
     * A batch stops growing past this much JSON (about 50 decisions): Artemis treats an AMQP message
     * of 100 KiB or more as a large message and writes each one to a file of its own.
     */
    static final int MAX_BATCH_CHARS = 60_000;

    /** A decision waiting to be sent, then for its acknowledgement. Touched on {@link #context} only after submission. */
    private static final class Send {
        final OutboxMessage message;
        final Consumer<Boolean> settled;
        final long deadline;
        boolean done;

        Send(OutboxMessage message, Consumer<Boolean> settled, long deadline) {
            this.message = message;
            this.settled = settled;
            this.deadline = deadline;
        }

        void settle(boolean accepted) {
            if (!done) {
                done = true;
                settled.accept(accepted);
            }
        }
    }

    private final Vertx vertx;
    private final Context context;
    private final AmqpClientOptions options;
    private final String address;
    private final long ackTimeoutNanos;
    private final long retryAfterNanos;
    private final int batchMax;
    private final int maxInFlightMessages;
    private final DistributionSummary batchSizes;
    private final BrokerAckTimes ackTimes;

    private final ConcurrentLinkedQueue<Send> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Until this System.nanoTime() value the broker counts as unreachable; read on any thread. */
    private volatile long unreachableUntil = System.nanoTime();

    // --- only on context
    private final ArrayDeque<Send> inFlight = new ArrayDeque<>();
    private int unacknowledgedMessages;
    private AmqpClient client;
    private AmqpSender sender;
    private long sweepTimer = -1;
    private boolean closed;
    /**
     * Set when shutdown begins, before Vert.x closes this sender's connection: losing it then is
     * our own doing, not the broker's, and must not read as an outage in the log.
     */
    private volatile boolean shuttingDown;
    private boolean lostOnce;
    private long lastAckNanos;

    public AmqpDirectDecisionSender(Vertx vertx, OutboxConfig config, BrokerEndpoint broker, MeterRegistry registry,
            BrokerAckTimes ackTimes) {
        this.vertx = vertx;
        // the event loop itself, not the duplicated context of whichever request first needed this bean
        this.context = ((ContextInternal) vertx.getOrCreateContext()).unwrap();
        this.address = config.address();
        this.ackTimeoutNanos = config.brokerAckTimeout().toNanos();
        this.retryAfterNanos = config.brokerRetryAfter().toNanos();
        this.options = broker.options("decisions", config.brokerAckTimeout());
        this.batchMax = Math.max(1, config.brokerBatchMax());
        this.maxInFlightMessages = Math.max(1, config.brokerMaxInFlight());
        this.batchSizes = DistributionSummary.builder("authorisation.decisions.per_message")
                .description("Decisions in one message sent to the broker on the Authorize path")
                .register(registry);
        this.ackTimes = ackTimes;
    }

    @Override
    public void send(OutboxMessage message, Consumer<Boolean> settled) {
        long now = System.nanoTime();
        if (now - unreachableUntil < 0) {
            settled.accept(false);
            return;
        }
        submitted.add(new Send(message, settled, now + ackTimeoutNanos));
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(ignored -> drain());
        }
    }

    private void drain() {
        drainScheduled.set(false);
        if (closed) {
            failSubmitted();
            return;
        }
        if (sender == null) {
            if (System.nanoTime() - unreachableUntil < 0) {
                failSubmitted();
            } else {
                connect();
            }
            return;
        }
        while (unacknowledgedMessages < maxInFlightMessages && !submitted.isEmpty()) {
            List<Send> batch = new ArrayList<>(Math.min(batchMax, 16));
            int chars = 0;
            Send next;
            while (batch.size() < batchMax && chars < MAX_BATCH_CHARS && (next = submitted.poll()) != null) {
                batch.add(next);
                chars += next.message.payload().length() + 1;
            }
            if (!sendBatch(batch)) {
                return;
            }
        }
    }

    /** False when the sender failed at once (the connection is then dropped). */
    private boolean sendBatch(List<Send> batch) {
        inFlight.addAll(batch);
        List<OutboxMessage> messages = new ArrayList<>(batch.size());
        batch.forEach(send -> messages.add(send.message));
        AmqpClient current = client;
        io.vertx.core.Future<Void> acknowledged;
        long sentNanos = System.nanoTime();
        try {
            acknowledged = sender.sendWithAck(DecisionMessages.batch(messages));
        } catch (RuntimeException e) {
            lost(current, "cannot send: " + e.getMessage());
            return false;
        }
        unacknowledgedMessages++;
        batchSizes.record(batch.size());
        acknowledged.onComplete(ack -> {
            if (client == current) {
                unacknowledgedMessages--;
            }
            if (ack.succeeded()) {
                lastAckNanos = System.nanoTime();
                ackTimes.acknowledgedAfter(lastAckNanos - sentNanos);
            }
            batch.forEach(send -> send.settle(ack.succeeded()));
            if (ack.failed()) {
                // refused or released: the same would happen to the next one, so use the outbox for a while
                lost(current, "the broker did not accept decisions: " + ack.cause().getMessage());
            } else if (!submitted.isEmpty()) {
                drain();
            }
        });
        return true;
    }

    /** Called while there is no sender; a client without a sender is a connection being made. */
    private void connect() {
        if (client != null) {
            return;
        }
        if (sweepTimer < 0) {
            sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
        }
        AmqpClient created = AmqpClient.create(vertx, options);
        client = created;
        created.connect()
                .compose(connection -> {
                    connection.exceptionHandler(failure -> lost(created, "connection failure: " + failure.getMessage()));
                    connection.closeFuture().onComplete(closedConnection -> lost(created, "connection closed"));
                    return connection.createSender(address, new AmqpSenderOptions());
                })
                .onComplete(result -> {
                    if (client != created) {
                        // given up on meanwhile (too slow, or lost): a late success must not stay open
                        if (result.succeeded()) {
                            created.close();
                        }
                        return;
                    }
                    if (result.failed()) {
                        lost(created, "cannot connect: " + result.cause().getMessage());
                        return;
                    }
                    sender = result.result();
                    lastAckNanos = System.nanoTime();
                    if (lostOnce) {
                        LOG.info("decisions go to the broker directly again (the outbox only takes what it does not acknowledge)");
                    }
                    drain();
                });
    }

    /** Gives up on sends past their deadline, oldest first (deadlines are in submission order). */
    private void sweep() {
        long now = System.nanoTime();
        boolean timedOut = false;
        Send head;
        while ((head = inFlight.peek()) != null && (head.done || now - head.deadline >= 0)) {
            inFlight.poll();
            if (!head.done) {
                timedOut = true;
                head.settle(false);
            }
        }
        if (sender != null) {
            // waiting for room behind unacknowledged messages for a whole timeout: the outbox takes them
            while (pastDeadline(submitted.peek(), now)) {
                submitted.poll().settle(false);
                timedOut = true;
            }
        } else if (pastDeadline(submitted.peek(), now)) {
            // the connection (or its sender link) is not there in time: stop waiting for it
            failSubmitted();
            if (client != null) {
                lost(client, "no connection to the broker within " + TimeUnit.NANOSECONDS.toMillis(ackTimeoutNanos) + " ms");
            }
            return;
        }
        // Slow acknowledgements (a busy broker) only send the late decisions to the outbox; a broker
        // that acknowledged nothing for a whole timeout is treated as gone.
        if (timedOut && client != null && now - lastAckNanos - ackTimeoutNanos >= 0) {
            lost(client, "no acknowledgement for " + TimeUnit.NANOSECONDS.toMillis(ackTimeoutNanos) + " ms");
        }
    }

    private static boolean pastDeadline(Send send, long now) {
        return send != null && now - send.deadline >= 0;
    }

    /** Everything not acknowledged goes to the outbox; the broker is skipped for a while. */
    private void lost(AmqpClient failed, String reason) {
        if (client != failed) {
            return;
        }
        unreachableUntil = System.nanoTime() + retryAfterNanos;
        lostOnce = true;
        if (!closed && !shuttingDown) {
            // On a graceful stop the connection drops a few ms before ShutdownEvent arrives; wait
            // that long, so a stop does not read as a broker outage (the timer dies with Vert.x).
            long retryMillis = TimeUnit.NANOSECONDS.toMillis(retryAfterNanos);
            Instant lostAt = Instant.now();
            vertx.setTimer(WARN_DELAY_MILLIS, id -> {
                if (!closed && !shuttingDown) {
                    LOG.warnf("decisions go to the outbox for %d ms from %s: %s", retryMillis, lostAt, reason);
                }
            });
        }
        client = null;
        sender = null;
        unacknowledgedMessages = 0;
        Send send;
        while ((send = inFlight.poll()) != null) {
            send.settle(false);
        }
        failSubmitted();
        failed.close();
    }

    private void failSubmitted() {
        Send send;
        while ((send = submitted.poll()) != null) {
            send.settle(false);
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    @PreDestroy
    void close() {
        context.runOnContext(ignored -> {
            closed = true;
            if (sweepTimer >= 0) {
                vertx.cancelTimer(sweepTimer);
            }
            if (client != null) {
                lost(client, "shutting down");
            }
            failSubmitted();
        });
    }
}
