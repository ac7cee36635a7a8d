package com.betterfleet.access.accesspolicy.outbox.application;

import java.util.UUID;

/** An outbox row waiting for the broker; {@code id} orders the rows as they were committed per charger. */
public record PendingEvent(long id, UUID eventId, String type, String chargerId, String body) {
}
