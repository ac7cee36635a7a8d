package com.betterfleet.access.authorisation.outbox.application;

import java.util.function.Consumer;

import io.vertx.core.Context;

/** Port: writes a decision into the outbox (a group commit) for the relay to send later. */
public interface OutboxWriter {
    /**
     * Exactly one callback is invoked, on {@code context} when it is not null: {@code onDurable} once
     * committed, {@code onFailure} with an UnavailableException when it could not be.
     */
    void write(OutboxMessage message, Context context, Runnable onDurable, Consumer<Throwable> onFailure);
}
