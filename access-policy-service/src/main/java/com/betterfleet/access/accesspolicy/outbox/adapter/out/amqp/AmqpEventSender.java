package com.betterfleet.access.accesspolicy.outbox.adapter.out.amqp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.betterfleet.access.accesspolicy.outbox.application.PendingEvent;
import com.betterfleet.access.accesspolicy.outbox.application.port.EventSender;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;

/**
 * Sends outbox events over AMQP 1.0 with the Vert.x AMQP client: one connection and one sender
 * link to the policy events address, opened on demand and dropped after any failure (the relay
 * retries with backoff). Each message is durable, content type application/cloudevents+json,
 * AMQP message-id = CloudEvent id, and is acknowledged only when the broker settled it as accepted.
 *
 * <p>Why not a SmallRye {@code Emitter}: the relay must know per message whether the broker took it,
 * and must never have messages parked in a connector buffer while the broker is away (they would
 * be sent again by the relay and arrive twice), nor lose its channel after a long outage.
 */
@ApplicationScoped
public class AmqpEventSender implements EventSender {
    private static final Logger LOG = Logger.getLogger(AmqpEventSender.class);
    static final String CONTENT_TYPE = "application/cloudevents+json";

    private final AmqpClient client;
    private final String address;
    private final long connectTimeoutMillis;
    private AmqpConnection connection;
    private AmqpSender sender;

    public AmqpEventSender(Vertx vertx, AccessPolicyConfig config) {
        AccessPolicyConfig.Outbox outbox = config.outbox();
        this.address = outbox.address();
        this.connectTimeoutMillis = outbox.settleTimeout().toMillis();
        AmqpClientOptions options = new AmqpClientOptions()
                .setHost(outbox.host())
                .setPort(outbox.port())
                .setConnectTimeout((int) connectTimeoutMillis)
                .setReconnectAttempts(0);
        outbox.username().ifPresent(options::setUsername);
        outbox.password().ifPresent(options::setPassword);
        this.client = AmqpClient.create(vertx, options);
    }

    @Override
    public synchronized List<CompletableFuture<Void>> send(List<PendingEvent> events) {
        List<CompletableFuture<Void>> settlements = new ArrayList<>(events.size());
        AmqpSender link;
        try {
            link = sender();
        } catch (Exception e) {
            LOG.debugf("broker not reachable: %s", e.getMessage());
            reset();
            for (int i = 0; i < events.size(); i++) {
                settlements.add(CompletableFuture.failedFuture(e));
            }
            return settlements;
        }
        for (PendingEvent event : events) {
            settlements.add(link.sendWithAck(message(event)).toCompletionStage().toCompletableFuture());
        }
        return settlements;
    }

    @Override
    public synchronized void reset() {
        AmqpConnection current = connection;
        connection = null;
        sender = null;
        if (current != null) {
            current.close();
        }
    }

    @PreDestroy
    void close() {
        reset();
        client.close();
    }

    private AmqpSender sender() throws Exception {
        if (sender != null && connection != null && !connection.isDisconnected()) {
            return sender;
        }
        reset();
        AmqpConnection opened = client.connect().toCompletionStage().toCompletableFuture()
                .get(connectTimeoutMillis, TimeUnit.MILLISECONDS);
        opened.exceptionHandler(e -> LOG.debugf("broker connection failed: %s", e.getMessage()));
        connection = opened;
        sender = opened.createSender(address).toCompletionStage().toCompletableFuture()
                .get(connectTimeoutMillis, TimeUnit.MILLISECONDS);
        return sender;
    }

    private static AmqpMessage message(PendingEvent event) {
        return AmqpMessage.create()
                .id(event.eventId().toString())
                .subject(event.type())
                .contentType(CONTENT_TYPE)
                .durable(true)
                .withBody(event.body())
                .build();
    }
}
