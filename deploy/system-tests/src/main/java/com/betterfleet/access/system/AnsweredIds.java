package com.betterfleet.access.system;

import java.util.Arrays;
import java.util.UUID;

/**
 * Decision ids (UUIDs) in a preallocated array of longs, so that recording 100,000+ of them during a
 * benchmark creates no garbage; compared at the end, sorted. Thread-safe for {@link #add}.
 */
final class AnsweredIds {
    private final long[] bits;
    private int count;

    AnsweredIds(int capacity) {
        bits = new long[capacity * 2];
    }

    synchronized void add(String uuid) {
        if (count * 2 + 1 >= bits.length) {
            throw new IllegalStateException("more than " + bits.length / 2 + " decision ids");
        }
        UUID id = UUID.fromString(uuid);
        bits[count * 2] = id.getMostSignificantBits();
        bits[count * 2 + 1] = id.getLeastSignificantBits();
        count++;
    }

    synchronized int size() {
        return count;
    }

    /** How the ids stored compare with these (the answered ones). */
    record Comparison(long missing, long repeated, long unexpected) {
        boolean exact() {
            return missing == 0 && repeated == 0 && unexpected == 0;
        }
    }

    /** Answered ids never stored, stored ids beyond their first copy, and stored ids never answered. */
    synchronized Comparison compareWith(AnsweredIds stored) {
        UUID[] answeredIds = sorted();
        UUID[] storedIds = stored.sorted();
        long missing = 0;
        long repeated = 0;
        long unexpected = 0;
        int a = 0;
        int s = 0;
        while (a < answeredIds.length || s < storedIds.length) {
            int order = a == answeredIds.length ? 1 : s == storedIds.length ? -1 : answeredIds[a].compareTo(storedIds[s]);
            if (order < 0) {
                missing++;
                a++;
            } else if (order > 0) {
                if (s > 0 && storedIds[s].equals(storedIds[s - 1])) {
                    repeated++;
                } else {
                    unexpected++;
                }
                s++;
            } else {
                a++;
                s++;
                while (s < storedIds.length && storedIds[s].equals(storedIds[s - 1])) {
                    repeated++;
                    s++;
                }
            }
        }
        return new Comparison(missing, repeated, unexpected);
    }

    private synchronized UUID[] sorted() {
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = new UUID(bits[i * 2], bits[i * 2 + 1]);
        }
        Arrays.sort(ids);
        return ids;
    }
}
