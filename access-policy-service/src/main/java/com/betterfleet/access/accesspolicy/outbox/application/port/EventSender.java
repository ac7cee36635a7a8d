package com.betterfleet.access.accesspolicy.outbox.application.port;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.betterfleet.access.accesspolicy.outbox.application.PendingEvent;

/** Sends events to the broker. */
public interface EventSender {
    /**
     * Sends the events, in list order, as durable messages. The future of each completes when the
     * broker has accepted that message and fails when it refused it or the connection broke.
     */
    List<CompletableFuture<Void>> send(List<PendingEvent> events);

    /** Forgets the current connection after a failure, so the next send connects afresh. */
    void reset();
}
