package com.betterfleet.access.accesspolicy.schedule.adapter.in.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.betterfleet.access.accesspolicy.schedule.application.BoundaryTicker;
import com.betterfleet.access.accesspolicy.shared.adapter.in.timer.BackgroundLoop;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Runs the boundary ticker every {@code access-policy.ticker.interval} on its own thread. */
@ApplicationScoped
public class BoundaryTickLoop {
    private final BoundaryTicker ticker;
    private final AccessPolicyConfig config;
    private BackgroundLoop loop;

    public BoundaryTickLoop(BoundaryTicker ticker, AccessPolicyConfig config) {
        this.ticker = ticker;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.ticker().enabled()) {
            return;
        }
        loop = new BackgroundLoop("boundary-ticker", ticker::tick);
        loop.start(config.ticker().interval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }
}
