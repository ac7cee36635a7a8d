package com.betterfleet.access.accesspolicy.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.betterfleet.access.local.testsupport.AmqpBrokerTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.Vertx;

/**
 * What the service published, as a consumer sees it: one receiver on the real broker, attached to
 * the decision-log-service queue of the policy events address (decision-log-service does not run
 * in these tests), for the whole test JVM. It reconnects by itself when a test restarts the broker.
 */
public final class PublishedEvents {
    public static final String QUEUE = "charger-access.policy::decision-log.policy";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PublishedEvents instance;

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One message: its body and AMQP properties, and when it arrived. */
    public record Received(JsonNode event, String contentType, boolean durable, String messageId, Instant at) {
        public String type() {
            return event.path("type").asText();
        }

        public String subject() {
            return event.path("subject").asText();
        }

        public JsonNode data() {
            return event.path("data");
        }
    }

    private PublishedEvents() {
        var broker = AmqpBrokerTestResource.broker();
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.host()).setPort(broker.port()));
        connect();
    }

    public static synchronized PublishedEvents get() {
        if (instance == null) {
            instance = new PublishedEvents();
        }
        return instance;
    }

    private void connect() {
        client.connect().onSuccess(this::attach).onFailure(e -> retry());
    }

    private void attach(AmqpConnection connection) {
        connection.closeFuture().onComplete(ignored -> retry());
        connection.exceptionHandler(e -> connection.close());
        connection.createReceiver(QUEUE).onSuccess(receiver -> receiver.handler(this::accept))
                .onFailure(e -> connection.close());
    }

    private void retry() {
        vertx.setTimer(300, ignored -> connect());
    }

    private void accept(AmqpMessage message) {
        try {
            received.add(new Received(JSON.readTree(message.bodyAsString()), message.contentType(), message.isDurable(),
                    message.id(), Instant.now()));
        } catch (Exception e) {
            received.add(new Received(JSON.createObjectNode().put("unreadable", message.bodyAsString()),
                    message.contentType(), message.isDurable(), message.id(), Instant.now()));
        }
    }

    public List<Received> all(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    public List<Received> of(String type, String chargerId) {
        return all(r -> r.type().equals(type) && r.subject().equals(chargerId));
    }

    /** Waits until at least {@code count} matching events arrived; returns them all. */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> all(filter).size() >= count);
        return all(filter);
    }

    public static Predicate<Received> type(String type) {
        return r -> r.type().equals(type);
    }

    public static Predicate<Received> about(String chargerId) {
        return r -> r.subject().equals(chargerId);
    }
}
