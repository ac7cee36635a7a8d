package com.betterfleet.access.authorisation.outbox.application;

import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.decision.application.DecisionRecorder;
import com.betterfleet.access.authorisation.decision.domain.DecisionRecord;
import com.betterfleet.access.authorisation.shared.config.OutboxConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Makes a decision durable before it is answered (ADR 0010): first by the broker's acknowledgement,
 * which also delivers it, so a healthy system writes nothing to the authorisation database per
 * decision; whatever the broker does not acknowledge in time goes to the outbox group commit, which
 * the relay sends later. Either way the caller hears back on its own context, and a decision neither
 * path made durable is answered 503, never as a decision.
 */
@Singleton
public class BrokerFirstDecisionRecorder implements DecisionRecorder {
    private final DecisionRecordedEventMapper mapper;
    private final DirectDecisionSender broker;
    private final OutboxWriter outbox;
    private final boolean brokerFirst;
    private final Counter viaBroker;
    private final Counter viaOutbox;

    @Inject
    public BrokerFirstDecisionRecorder(DecisionRecordedEventMapper mapper, DirectDecisionSender broker, OutboxWriter outbox,
            OutboxConfig config, MeterRegistry registry) {
        this(mapper, broker, outbox, config.brokerFirst(), registry);
    }

    BrokerFirstDecisionRecorder(DecisionRecordedEventMapper mapper, DirectDecisionSender broker, OutboxWriter outbox,
            boolean brokerFirst, MeterRegistry registry) {
        this.mapper = mapper;
        this.broker = broker;
        this.outbox = outbox;
        this.brokerFirst = brokerFirst;
        this.viaBroker = recorded(registry, "broker");
        this.viaOutbox = recorded(registry, "outbox");
    }

    private static Counter recorded(MeterRegistry registry, String path) {
        return Counter.builder("authorisation.decisions.recorded").tag("path", path)
                .description("Decisions made durable before their answer, by the broker's acknowledgement or an outbox commit")
                .register(registry);
    }

    @Override
    public void record(DecisionRecord record, Runnable onDurable, Consumer<Throwable> onFailure) {
        OutboxMessage message = new OutboxMessage(record.decisionId(), mapper.toJson(record));
        Context context = Vertx.currentContext();
        if (!brokerFirst) {
            toOutbox(message, context, onDurable, onFailure);
            return;
        }
        broker.send(message, accepted -> {
            if (accepted) {
                viaBroker.increment();
                if (context == null) {
                    onDurable.run();
                } else {
                    context.runOnContext(ignored -> onDurable.run());
                }
            } else {
                toOutbox(message, context, onDurable, onFailure);
            }
        });
    }

    private void toOutbox(OutboxMessage message, Context context, Runnable onDurable, Consumer<Throwable> onFailure) {
        outbox.write(message, context, () -> {
            viaOutbox.increment();
            onDurable.run();
        }, onFailure);
    }
}
