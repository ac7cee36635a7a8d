package com.betterfleet.access.accesspolicy.outbox.application.port;

/** Tells the relay that a commit wrote events, so they leave now rather than at its next run. */
public interface OutboxNudge {
    void nudge();
}
