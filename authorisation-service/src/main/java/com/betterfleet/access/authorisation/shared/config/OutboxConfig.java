package com.betterfleet.access.authorisation.shared.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Recording decisions: broker first, the outbox group commit as fallback, and the relay to the broker. */
@ConfigMapping(prefix = "access.outbox")
public interface OutboxConfig {
    /** Most decisions written by one group-commit INSERT. */
    @WithDefault("256")
    int maxBatch();

    /** Group commits in flight at once (each on its own connection). */
    @WithDefault("2")
    int maxInFlight();

    /** Decisions waiting for a commit beyond which new requests are refused with 503 (load shedding). */
    @WithDefault("20000")
    int maxQueued();

    /** A group commit not confirmed within this time fails its requests with 503. */
    @WithDefault("2s")
    Duration commitTimeout();

    /**
     * Whether a decision is first sent to the broker and answered once the broker acknowledged it
     * (ADR 0010); the outbox then only takes decisions the broker did not acknowledge in time. When
     * false every decision goes through the outbox group commit.
     */
    @WithDefault("true")
    boolean brokerFirst();

    /**
     * How long Authorize waits for the broker's acknowledgement before recording the decision in the
     * outbox instead (the answer then waits for that commit too).
     */
    @WithDefault("1s")
    Duration brokerAckTimeout();

    /**
     * Most decisions sent to the broker in one message (CloudEvents JSON batch, ADR 0011). Decisions
     * waiting when the sender gets to run go together; 1 sends one event per message.
     */
    @WithDefault("100")
    int brokerBatchMax();

    /**
     * Messages sent to the broker and not acknowledged yet beyond which decisions wait (and gather
     * into larger batches) for the next acknowledgement.
     */
    @WithDefault("4")
    int brokerMaxInFlight();

    /** After the broker failed to acknowledge, decisions go straight to the outbox for this long. */
    @WithDefault("2s")
    Duration brokerRetryAfter();

    /** Address decision_recorded events are sent to. */
    @WithDefault("charger-access.decisions")
    String address();

    /** Rows one relay pass locks and sends. */
    @WithDefault("500")
    int relayBatch();

    /** A send the broker has not settled within this time counts as failed; the row stays. */
    @WithDefault("5s")
    Duration sendTimeout();

    /** First wait after a failed relay pass; doubles up to {@link #maxBackoff()}. */
    @WithDefault("500ms")
    Duration minBackoff();

    /** Longest wait between relay attempts while the broker is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * Least time between the end of one relay pass and the start of the next one triggered by a
     * commit: a lone decision is relayed at once, a busy replica relays in fewer, larger passes.
     */
    @WithDefault("20ms")
    Duration relayLinger();

    /** Interval of the scheduled relay pass (commits also nudge it at once). Used by the scheduler. */
    @WithDefault("1s")
    String relayInterval();
}
