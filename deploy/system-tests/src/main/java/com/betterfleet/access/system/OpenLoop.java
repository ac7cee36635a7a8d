package com.betterfleet.access.system;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;

/**
 * Requests at a fixed rate from a Vert.x timer, whatever the answers do. Each request gets its
 * intended send time, so a latency counted from it does not hide a stall (no coordinated omission).
 */
final class OpenLoop {
    /** Sends one request intended for {@code intendedAt} (System.nanoTime) and runs {@code answered} when it is done. */
    @FunctionalInterface
    interface Request {
        void send(long intendedAt, Runnable answered);
    }

    private OpenLoop() {
    }

    /**
     * Issues {@code total} requests, {@code rate} per second from {@code start}. Returns once every
     * one was answered, or after {@code durationSeconds} + 30 s (then false): bounded either way.
     */
    static boolean run(Vertx vertx, long start, int rate, int total, int durationSeconds, Request request)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(total);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        AtomicLong issued = new AtomicLong();
        long timer = vertx.setPeriodic(1, id -> {
            long due = Math.min(total, (System.nanoTime() - start) / interval + 1);
            while (issued.get() < due) {
                request.send(start + issued.getAndIncrement() * interval, done::countDown);
            }
        });
        boolean answered = done.await(durationSeconds + 30L, TimeUnit.SECONDS);
        vertx.cancelTimer(timer);
        return answered;
    }
}
