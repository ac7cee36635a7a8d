package com.betterfleet.access.authorisation.outbox.adapter.out.amqp;

import java.util.List;
import java.util.UUID;

import com.betterfleet.access.authorisation.outbox.application.DecisionRecordedEvent;
import com.betterfleet.access.authorisation.outbox.application.OutboxMessage;

import io.vertx.amqp.AmqpMessage;

/**
 * The AMQP shapes of decision_recorded events: one event per message (the outbox relay, and a lone
 * decision on the Authorize path), or several in one message in the CloudEvents JSON batch format
 * (ADR 0011), so that the broker and the decision log handle one message for many decisions.
 */
final class DecisionMessages {
    /** CloudEvents JSON batch format: a JSON array of structured events. */
    static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

    private DecisionMessages() {
    }

    /** Durable, message-id = decisionId (consumers deduplicate on it), the CloudEvent JSON as an AMQP string value. */
    static AmqpMessage of(OutboxMessage message) {
        return AmqpMessage.create()
                .id(message.decisionId().toString())
                .durable(true)
                .contentType(DecisionRecordedEvent.CONTENT_TYPE)
                .subject(DecisionRecordedEvent.TYPE)
                .withBody(message.payload())
                .build();
    }

    /**
     * Several events in one durable message: the body is a JSON array of the events' JSON texts
     * (each already a structured CloudEvent). The message-id is new; consumers deduplicate on each
     * event's id.
     */
    static AmqpMessage batch(List<OutboxMessage> messages) {
        if (messages.size() == 1) {
            return of(messages.get(0));
        }
        StringBuilder body = new StringBuilder(messages.size() * (messages.get(0).payload().length() + 1) + 2).append('[');
        for (int i = 0; i < messages.size(); i++) {
            body.append(i == 0 ? "" : ",").append(messages.get(i).payload());
        }
        return AmqpMessage.create()
                .id(UUID.randomUUID().toString())
                .durable(true)
                .contentType(BATCH_CONTENT_TYPE)
                .subject(DecisionRecordedEvent.TYPE)
                .withBody(body.append(']').toString())
                .build();
    }
}
