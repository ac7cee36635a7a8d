package com.betterfleet.access.system;

import java.util.Arrays;

/** Latencies of one benchmark phase, in nanoseconds, in a bounded pre-sized array. */
final class LatencyRecorder {
    private final long[] samples;
    private int count;
    private int errors;

    LatencyRecorder(int capacity) {
        samples = new long[capacity];
    }

    synchronized void record(long nanos) {
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    synchronized void error() {
        errors++;
    }

    synchronized int count() {
        return count;
    }

    synchronized int errors() {
        return errors;
    }

    synchronized boolean full() {
        return count >= samples.length;
    }

    /** p in [0, 100]; milliseconds. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
