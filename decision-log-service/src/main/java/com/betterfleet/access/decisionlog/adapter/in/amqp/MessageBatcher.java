package com.betterfleet.access.decisionlog.adapter.in.amqp;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

/**
 * Groups incoming messages so that many are stored with one INSERT and one commit (a group
 * commit): a batch goes when {@code batchSize} messages wait, or {@code window} after the first of
 * them. One batch is stored at a time; what arrives meanwhile waits for the next. A partial batch
 * also waits for the window after the previous commit instead of going the moment that commit
 * ends: under steady load that keeps commits (each a WAL flush on the disk the broker's journal
 * uses too) to about one per window instead of one per store round trip, at the price of up to one
 * window more before a record is queryable.
 *
 * <p>Backpressure: at most {@code maxInFlight} messages are buffered or being stored; beyond that
 * {@link #submit} returns a Uni that completes only when room is made, which stops the channel
 * from taking more messages from the broker. Nothing is acknowledged here: the store function
 * settles every message of its batch (after the commit, or by a nack), and never fails.
 */
final class MessageBatcher {
    /** A message and the channel it came from. */
    record Pending(String channel, Message<?> message) {
    }

    private final int batchSize;
    private final Duration window;
    private final int maxInFlight;
    private final Function<List<Pending>, Uni<Void>> store;

    private final ArrayDeque<Pending> buffer = new ArrayDeque<>();
    private final List<CompletableFuture<Void>> waitingForRoom = new ArrayList<>();
    private int inFlight;
    private boolean storing;
    private boolean timerArmed;

    MessageBatcher(int batchSize, Duration window, int maxInFlight, Function<List<Pending>, Uni<Void>> store) {
        if (batchSize < 1 || maxInFlight < batchSize) {
            throw new IllegalArgumentException("need 1 <= batchSize <= maxInFlight");
        }
        this.batchSize = batchSize;
        this.window = window;
        this.maxInFlight = maxInFlight;
        this.store = store;
    }

    /** Takes a message; the Uni completes when the channel may deliver the next one. */
    Uni<Void> submit(String channel, Message<?> message) {
        List<Pending> batch = null;
        boolean armTimer = false;
        CompletableFuture<Void> room = null;
        synchronized (this) {
            buffer.add(new Pending(channel, message));
            inFlight++;
            if (!storing && buffer.size() >= batchSize) {
                batch = takeBatch();
            } else if (!storing && !timerArmed) {
                timerArmed = true;
                armTimer = true;
            }
            if (inFlight >= maxInFlight) {
                room = new CompletableFuture<>();
                waitingForRoom.add(room);
            }
        }
        if (batch != null) {
            storeBatch(batch);
        }
        if (armTimer) {
            armTimer();
        }
        return room == null ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(room);
    }

    private void armTimer() {
        Uni.createFrom().voidItem().onItem().delayIt().by(window).subscribe().with(ignored -> onTimer());
    }

    /** Messages buffered or being stored (a gauge). */
    synchronized int inFlight() {
        return inFlight;
    }

    private void onTimer() {
        List<Pending> batch;
        synchronized (this) {
            timerArmed = false;
            if (storing || buffer.isEmpty()) {
                return;
            }
            batch = takeBatch();
        }
        storeBatch(batch);
    }

    /** Caller holds the lock. */
    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>(Math.min(batchSize, buffer.size()));
        while (batch.size() < batchSize && !buffer.isEmpty()) {
            batch.add(buffer.poll());
        }
        storing = true;
        return batch;
    }

    private void storeBatch(List<Pending> batch) {
        Uni<Void> stored;
        try {
            stored = store.apply(batch);
        } catch (RuntimeException e) {
            stored = Uni.createFrom().failure(e);
        }
        stored.subscribe().with(ignored -> onStored(batch.size()), failure -> onStored(batch.size()));
    }

    private void onStored(int count) {
        List<Pending> next = null;
        boolean armTimer = false;
        List<CompletableFuture<Void>> released = List.of();
        synchronized (this) {
            inFlight -= count;
            storing = false;
            if (buffer.size() >= batchSize) {
                next = takeBatch();
            } else if (!buffer.isEmpty() && !timerArmed) {
                timerArmed = true;
                armTimer = true;
            }
            if (inFlight < maxInFlight && !waitingForRoom.isEmpty()) {
                released = new ArrayList<>(waitingForRoom);
                waitingForRoom.clear();
            }
        }
        released.forEach(room -> room.complete(null));
        if (next != null) {
            storeBatch(next);
        }
        if (armTimer) {
            armTimer();
        }
    }
}
