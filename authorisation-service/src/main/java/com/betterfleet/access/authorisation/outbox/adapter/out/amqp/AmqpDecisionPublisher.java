package com.betterfleet.access.authorisation.outbox.adapter.out.amqp;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;


import com.betterfleet.access.authorisation.outbox.application.DecisionPublisher;
import com.betterfleet.access.authorisation.outbox.application.OutboxMessage;
import com.betterfleet.access.authorisation.shared.config.OutboxConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Sends decision_recorded events to {@code charger-access.decisions} over its own AMQP 1.0
 * connection (same {@code amqp-host}/{@code amqp-port}/{@code amqp-username}/{@code amqp-password}
 * as the messaging channels). Each message is durable and sent with {@code sendWithAck}: a
 * decision counts as sent only once the broker accepted it. One timer bounds a whole pass. A
 * connection is opened on demand and dropped after any failure or timeout, so the next relay pass
 * reconnects; nothing is buffered here (unsent rows simply stay in the outbox).
 */
@Singleton
public class AmqpDecisionPublisher implements DecisionPublisher {
    private final Vertx vertx;
    private final AmqpClientOptions options;
    private final String address;
    private final long sendTimeoutMillis;

    private AmqpClient client;
    private Future<AmqpSender> sender;

    public AmqpDecisionPublisher(Vertx vertx, OutboxConfig config, BrokerEndpoint broker) {
        this.vertx = vertx;
        this.address = config.address();
        this.sendTimeoutMillis = config.sendTimeout().toMillis();
        this.options = broker.options("relay", config.sendTimeout());
    }

    @Override
    public Uni<Set<UUID>> publish(List<OutboxMessage> messages) {
        Promise<Set<UUID>> done = Promise.promise();
        Set<UUID> settled = ConcurrentHashMap.newKeySet(messages.size());
        AtomicInteger outstanding = new AtomicInteger(messages.size());
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                if (settled.size() < messages.size()) {
                    reset();
                }
                done.complete(Set.copyOf(settled));
            }
        };
        long timer = vertx.setTimer(sendTimeoutMillis, id -> finish.run());
        sender().onComplete(connected -> {
            if (connected.failed()) {
                reset();
                finish.run();
                return;
            }
            for (OutboxMessage message : messages) {
                connected.result().sendWithAck(DecisionMessages.of(message)).onComplete(ack -> {
                    if (ack.succeeded()) {
                        settled.add(message.decisionId());
                    }
                    if (outstanding.decrementAndGet() == 0) {
                        vertx.cancelTimer(timer);
                        finish.run();
                    }
                });
            }
        });
        return Uni.createFrom().completionStage(done.future().toCompletionStage());
    }

    private synchronized Future<AmqpSender> sender() {
        if (sender == null) {
            AmqpClient created = AmqpClient.create(vertx, options);
            client = created;
            sender = created.connect().compose(connection -> {
                connection.exceptionHandler(failure -> reset(created));
                return connection.createSender(address, new AmqpSenderOptions());
            });
        }
        return sender;
    }

    private synchronized void reset() {
        if (client != null) {
            client.close();
        }
        client = null;
        sender = null;
    }

    private synchronized void reset(AmqpClient failed) {
        if (client == failed) {
            reset();
        }
    }

    @PreDestroy
    void close() {
        reset();
    }
}
