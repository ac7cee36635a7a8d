package com.betterfleet.access.decisionlog.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Publishes structured CloudEvents to the real broker the way the producing services do (durable,
 * content type application/cloudevents+json, body as an AMQP string) and waits until the broker
 * has accepted every message.
 */
public final class AmqpTestPublisher implements AutoCloseable {
    public static final String DECISIONS = "charger-access.decisions";
    public static final String POLICY = "charger-access.policy";
    public static final String MODE_CHANGES = "charger-access.mode-changes";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final AmqpClient client;
    private final AmqpConnection connection;

    public AmqpTestPublisher(String host, int port) {
        this.vertx = Vertx.vertx();
        this.client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(host).setPort(port));
        this.connection = await(client.connect());
    }

    /** Sends every body to the address and returns once the broker has settled them all. */
    public void publish(String address, List<String> bodies) {
        AmqpSender sender = await(connection.createSender(address));
        try {
            List<Future<Void>> acks = new ArrayList<>(bodies.size());
            for (String body : bodies) {
                acks.add(sender.sendWithAck(AmqpMessage.create()
                        .withBody(body)
                        .contentType("application/cloudevents+json")
                        .durable(true)
                        .build()));
            }
            await(Future.all(acks));
        } finally {
            await(sender.close());
        }
    }

    /**
     * Sends the events as one message in the CloudEvents JSON batch format (as authorisation-service
     * sends decisions under load, ADR 0011); elements are inserted as they are, valid JSON or not.
     */
    public void publishBatch(String address, List<String> events) {
        AmqpSender sender = await(connection.createSender(address));
        try {
            await(sender.sendWithAck(AmqpMessage.create()
                    .withBody("[" + String.join(",", events) + "]")
                    .contentType("application/cloudevents-batch+json")
                    .durable(true)
                    .build()));
        } finally {
            await(sender.close());
        }
    }

    public void publish(String address, String... bodies) {
        publish(address, List.of(bodies));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("AMQP operation failed", e);
        }
    }

    @Override
    public void close() {
        try {
            await(connection.close());
        } finally {
            await(vertx.close());
        }
    }
}
