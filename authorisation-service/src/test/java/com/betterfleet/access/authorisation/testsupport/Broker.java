package com.betterfleet.access.authorisation.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.betterfleet.access.local.EmbeddedAmqpBroker;
import com.betterfleet.access.local.testsupport.AmqpBrokerTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The test's own AMQP 1.0 client on the test broker: publishes what other services would publish
 * and reads what decision-log-service would read ({@code charger-access.decisions::decision-log.decisions}).
 */
public final class Broker {
    public static final String POLICY = "charger-access.policy";
    public static final String IDENTIFIERS = "charger-access.identifiers";
    public static final String DECISION_LOG_QUEUE = "charger-access.decisions::decision-log.decisions";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Vertx VERTX = Vertx.vertx();
    private static final Map<String, JsonNode> DECISIONS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> DELIVERIES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> BATCHED = new ConcurrentHashMap<>();
    private static AmqpClient client;
    private static AmqpConnection connection;
    private static boolean consuming;

    private Broker() {
    }

    public static EmbeddedAmqpBroker embedded() {
        return AmqpBrokerTestResource.broker();
    }

    /** Sends {@code body} as an AMQP value string, durable, and waits for the broker to accept it. */
    public static synchronized void publish(String address, String body, String contentType) {
        AmqpSender sender = await(connection().createSender(address));
        try {
            await(sender.sendWithAck(AmqpMessage.create().durable(true).contentType(contentType).withBody(body).build()));
        } finally {
            sender.close();
        }
    }

    public static void publishEvent(String json) {
        publish(POLICY, json, "application/cloudevents+json");
    }

    public static void publishIdentifier(String json) {
        publish(IDENTIFIERS, json, "application/json");
    }

    /**
     * Starts (once per connection) reading decision_recorded events off the decision log's queue
     * into memory, keyed by decisionId.
     */
    public static synchronized void consumeDecisions() {
        if (consuming) {
            return;
        }
        await(connection().createReceiver(DECISION_LOG_QUEUE, new AmqpReceiverOptions().setAutoAcknowledgement(true)))
                .handler(message -> {
                    try {
                        JsonNode body = MAPPER.readTree(message.bodyAsString());
                        // one event, or a CloudEvents JSON batch of them (ADR 0011)
                        boolean batch = "application/cloudevents-batch+json".equals(message.contentType());
                        if (batch != body.isArray()) {
                            throw new IllegalStateException("content type " + message.contentType() + " does not match the body");
                        }
                        for (JsonNode event : batch ? body : List.of(body)) {
                            String id = event.get("id").asText();
                            DECISIONS.put(id, event);
                            DELIVERIES.merge(id, 1, Integer::sum);
                            BATCHED.merge(id, batch ? body.size() : 1, Math::max);
                        }
                    } catch (Exception e) {
                        DECISIONS.put("unreadable-" + System.nanoTime(), MAPPER.createObjectNode());
                    }
                });
        consuming = true;
    }

    /** How many events the message that carried this decision held (1: a message of its own). */
    public static int messageSize(String decisionId) {
        return BATCHED.getOrDefault(decisionId, 0);
    }

    /** The decision_recorded event with this id, or null if not (yet) received. */
    public static JsonNode decision(String decisionId) {
        return DECISIONS.get(decisionId);
    }

    public static int deliveries(String decisionId) {
        return DELIVERIES.getOrDefault(decisionId, 0);
    }

    /** Drops the connection, e.g. after the broker was restarted. */
    public static synchronized void reconnect() {
        if (client != null) {
            client.close();
        }
        client = null;
        connection = null;
        consuming = false;
    }

    private static AmqpConnection connection() {
        if (connection == null) {
            EmbeddedAmqpBroker broker = embedded();
            client = AmqpClient.create(VERTX, new AmqpClientOptions().setHost(broker.host()).setPort(broker.port())
                    .setConnectTimeout(2000));
            connection = await(client.connect());
        }
        return connection;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("AMQP operation failed", e);
        }
    }
}
