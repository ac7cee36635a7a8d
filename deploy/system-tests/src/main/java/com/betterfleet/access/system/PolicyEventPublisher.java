package com.betterfleet.access.system;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.betterfleet.access.local.EmbeddedAmqpBroker;
import com.betterfleet.access.local.MessagingTopology;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Plays access-policy-service on the real broker: publishes the charger_access events of
 * docs/contracts/events.schema.json to charger-access.policy, each one durable and settled by the
 * broker before the call returns.
 */
public final class PolicyEventPublisher implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final io.vertx.amqp.AmqpConnection connection;
    private final AmqpSender sender;

    public PolicyEventPublisher(EmbeddedAmqpBroker broker) throws Exception {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.host()).setPort(broker.port()));
        connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        sender = connection.createSender(MessagingTopology.POLICY_EVENTS)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A policy with no windows: the charger is always in {@code mode} (source default). */
    public void constantMode(String accountId, String chargerId, long version, String mode) throws Exception {
        publish("charger_access.policy_changed", chargerId, new JsonObject()
                .put("accountId", accountId).put("chargerId", chargerId).put("version", version)
                .put("deleted", false).put("depotId", "depot-1").put("timeZone", "Europe/London")
                .put("defaultMode", mode).put("windows", new JsonArray()).putNull("override")
                .put("updatedAt", Instant.now().toString()));
        publish("charger_access.expected_mode_changed", chargerId, new JsonObject()
                .put("accountId", accountId).put("chargerId", chargerId).put("depotId", "depot-1")
                .putNull("previousMode").put("mode", mode).put("effectiveAt", Instant.now().toString())
                .putNull("until").put("source", "default").putNull("windowId").put("policyVersion", version));
    }

    public void publish(String type, String chargerId, JsonObject data) throws Exception {
        JsonObject event = new JsonObject()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/system-tests").put("type", type).put("subject", chargerId)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json")
                .put("accountid", data.getString("accountId")).put("data", data);
        AmqpMessage message = AmqpMessage.create().withBody(event.encode())
                .contentType("application/cloudevents+json").durable(true).build();
        sender.sendWithAck(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
