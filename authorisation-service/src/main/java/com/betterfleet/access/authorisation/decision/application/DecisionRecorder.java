package com.betterfleet.access.authorisation.decision.application;

import java.util.function.Consumer;

import com.betterfleet.access.authorisation.decision.domain.DecisionRecord;

/**
 * Port: makes a decision record durable. The answer to the charger waits for it. Callback-shaped
 * (rather than returning a Uni) to keep the hot path to one reactive stage per request.
 */
public interface DecisionRecorder {
    /**
     * Records {@code record}; exactly one of the callbacks is invoked, on the caller's Vert.x
     * context when there is one: {@code onDurable} once the record is committed, {@code onFailure}
     * with an {@link com.betterfleet.access.authorisation.shared.application.UnavailableException}
     * if it could not be (the caller then answers 503, never the decision).
     */
    void record(DecisionRecord record, Runnable onDurable, Consumer<Throwable> onFailure);
}
