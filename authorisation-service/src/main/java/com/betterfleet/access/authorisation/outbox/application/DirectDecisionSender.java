package com.betterfleet.access.authorisation.outbox.application;

import java.util.function.Consumer;

/**
 * Port: sends one decision_recorded event to the broker on the Authorize path, so that the broker's
 * acknowledgement makes the decision durable (decisions.md section 5: "committed, or acknowledged by
 * the broker"). Unlike {@link DecisionPublisher} it never waits long: a decision the broker has not
 * accepted quickly goes to the outbox instead.
 */
public interface DirectDecisionSender {
    /**
     * Sends {@code message}; {@code settled} is called exactly once, on any thread: {@code true} when the
     * broker accepted it, {@code false} when it did not within the acknowledgement timeout, refused it,
     * or the broker is currently known to be unreachable (then at once, without sending).
     * After {@code false} the broker may still have accepted it late: consumers deduplicate on the id.
     */
    void send(OutboxMessage message, Consumer<Boolean> settled);
}
