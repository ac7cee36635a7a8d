package com.betterfleet.access.accesspolicy.outbox.adapter.in.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.betterfleet.access.accesspolicy.outbox.application.OutboxRelay;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxNudge;
import com.betterfleet.access.accesspolicy.shared.adapter.in.timer.BackgroundLoop;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the outbox relay on its own thread every {@code access-policy.outbox.interval}, and at once
 * when a commit wrote events ({@link #nudge()}).
 */
@ApplicationScoped
public class OutboxRelayLoop implements OutboxNudge {
    private final OutboxRelay relay;
    private final AccessPolicyConfig config;
    private volatile BackgroundLoop loop;

    public OutboxRelayLoop(OutboxRelay relay, AccessPolicyConfig config) {
        this.relay = relay;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.outbox().enabled()) {
            return;
        }
        BackgroundLoop started = new BackgroundLoop("outbox-relay", relay::run);
        started.start(config.outbox().interval());
        loop = started;
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    @Override
    public void nudge() {
        BackgroundLoop current = loop;
        if (current != null) {
            current.wakeUp();
        }
    }
}
