package com.betterfleet.access.authorisation.outbox.application;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Port: sends decision_recorded events to the broker. */
public interface DecisionPublisher {
    /**
     * Sends the messages; never fails.
     *
     * @return the decisionIds the broker accepted (settled) within the send timeout
     */
    Uni<Set<UUID>> publish(List<OutboxMessage> messages);
}
