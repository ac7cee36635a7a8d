package com.betterfleet.access.accesspolicy.shared.adapter.in.timer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Runs a job on its own thread, again and again with a fixed pause between runs (never two at
 * once), and at once when woken up. Quarkus' simple scheduler checks its triggers once a second,
 * too coarse for boundaries published within a second; a dedicated thread also keeps the blocking
 * job off the event loop and the shared worker pool.
 */
public final class BackgroundLoop {
    private static final Logger LOG = Logger.getLogger(BackgroundLoop.class);

    private final String name;
    private final Runnable job;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    public BackgroundLoop(String name, Runnable job) {
        this.name = name;
        this.job = job;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start(Duration pause) {
        executor.scheduleWithFixedDelay(this::runSafely, pause.toMillis(), pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the job as soon as the thread is free; many wake-ups before that make one run. */
    public void wakeUp() {
        if (executor.isShutdown() || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                wakeQueued.set(false);
                runSafely();
            });
        } catch (RejectedExecutionException e) {
            wakeQueued.set(false);
        }
    }

    public void stop() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warnf("%s did not stop within 5 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runSafely() {
        try {
            job.run();
        } catch (RuntimeException e) {
            // A failed run must not end the loop (scheduleWithFixedDelay stops on an exception).
            LOG.errorf(e, "%s run failed", name);
        }
    }
}
