package com.betterfleet.access.accesspolicy.outbox.application;

import java.util.UUID;

/**
 * An event written to the outbox in the transaction of the change it announces.
 *
 * @param body the whole structured CloudEvent (application/cloudevents+json)
 */
public record OutboxEvent(UUID eventId, String type, String chargerId, String body) {
}
