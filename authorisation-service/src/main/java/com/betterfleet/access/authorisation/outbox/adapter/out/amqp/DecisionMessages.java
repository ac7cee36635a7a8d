package com.betterfleet.access.authorisation.outbox.adapter.out.amqp;

import com.betterfleet.access.authorisation.outbox.application.DecisionRecordedEvent;
import com.betterfleet.access.authorisation.outbox.application.OutboxMessage;

import io.vertx.amqp.AmqpMessage;

/** The one AMQP shape of a decision_recorded event, whichever path sends it. */
final class DecisionMessages {
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
}
