package com.betterfleet.access.authorisation.outbox.application;

import java.util.UUID;

/** One outbox row: the decision_recorded event text, keyed by decisionId. */
public record OutboxMessage(UUID decisionId, String payload) {
}
