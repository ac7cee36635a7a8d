package com.betterfleet.access.authorisation.registry.adapter.in.scheduler;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.registry.application.TombstonePurge;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs the tombstone purge every {@code access.identifiers.tombstone-purge-every} (default 1 h).
 * Created at start, so that a retention below the minimum stops the service then, not an hour later.
 */
@Startup
@ApplicationScoped
public class TombstonePurgeJob {
    private static final Logger LOG = Logger.getLogger(TombstonePurgeJob.class);

    private final TombstonePurge purge;

    public TombstonePurgeJob(TombstonePurge purge) {
        this.purge = purge;
    }

    @Scheduled(every = "${access.identifiers.tombstone-purge-every:1h}", delayed = "${access.identifiers.tombstone-purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "identifier-tombstone-purge")
    Uni<Void> purge() {
        return purge.run().onFailure().invoke(failure ->
                // the next run tries again; nothing is lost by waiting
                LOG.warnf("Identifier tombstone purge failed, next run in one interval: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
