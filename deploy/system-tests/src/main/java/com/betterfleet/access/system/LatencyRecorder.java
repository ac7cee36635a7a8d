package com.betterfleet.access.system;

import java.util.Arrays;

/** Latencies of one benchmark phase, in nanoseconds, in a bounded pre-sized array. */
final class LatencyRecorder {
    private final long[] samples;
    private int count;
    private int errors;
    /** Worst latency per 100 ms slice of intended send time (open loop only), to locate stalls. */
    private final long[] worstPerSlice;
    private final long origin;

    LatencyRecorder(int capacity) {
        this(capacity, 0, 0);
    }

    LatencyRecorder(int capacity, long originNanos, int seconds) {
        samples = new long[capacity];
        origin = originNanos;
        worstPerSlice = new long[seconds * 10 + 1];
    }

    synchronized void record(long nanos) {
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    /** A latency and the intended send time it counts from. */
    synchronized void record(long nanos, long intendedAt) {
        record(nanos);
        int slice = (int) ((intendedAt - origin) / 100_000_000L);
        if (slice >= 0 && slice < worstPerSlice.length) {
            worstPerSlice[slice] = Math.max(worstPerSlice[slice], nanos);
        }
    }

    /**
     * The 100 ms slices whose worst latency was over the threshold, as "t+1.2s: 340 ms" (the first
     * 40), after how many there were and the wall-clock time of t+0, so a stall can be matched with
     * a GC or journal event of one of the processes.
     */
    synchronized String stalls(double thresholdMillis, java.time.Instant wallClockAtOrigin,
            java.util.function.IntFunction<String> cpuInSlice) {
        StringBuilder out = new StringBuilder();
        int over = 0;
        for (int i = 0; i < worstPerSlice.length; i++) {
            double worst = worstPerSlice[i] / 1e6;
            if (worst > thresholdMillis && over++ < 40) {
                out.append(String.format(java.util.Locale.ROOT, "%n  t+%.1fs: %.0f ms, CPU cores:%s", i / 10.0, worst,
                        cpuInSlice.apply(i)));
            }
        }
        return over + " of " + worstPerSlice.length + " (t+0 = " + wallClockAtOrigin + ")" + out;
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
