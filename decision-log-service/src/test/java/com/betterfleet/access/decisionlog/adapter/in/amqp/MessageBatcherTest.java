package com.betterfleet.access.decisionlog.adapter.in.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** Group commit of incoming messages, with bounded memory. */
class MessageBatcherTest {
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> stores = new CopyOnWriteArrayList<>();

    private MessageBatcher batcher(int batchSize, Duration window, int maxInFlight) {
        return new MessageBatcher(batchSize, window, maxInFlight, batch -> {
            batchSizes.add(batch.size());
            CompletableFuture<Void> store = new CompletableFuture<>();
            stores.add(store);
            return Uni.createFrom().completionStage(store);
        });
    }

    @Test
    void storesAFullBatchAtOnce() {
        MessageBatcher batcher = batcher(3, Duration.ofSeconds(30), 10);
        for (int i = 0; i < 3; i++) {
            batcher.submit("decisions", Message.of(i)).await().atMost(Duration.ofSeconds(1));
        }
        assertEquals(List.of(3), batchSizes);
    }

    @Test
    void storesAPartialBatchWhenTheWindowEnds() {
        MessageBatcher batcher = batcher(100, Duration.ofMillis(20), 200);
        batcher.submit("decisions", Message.of(1)).await().atMost(Duration.ofSeconds(1));
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> batchSizes.equals(List.of(1)));
    }

    @Test
    void gathersWhatArrivesDuringAStoreIntoTheNextBatch() {
        MessageBatcher batcher = batcher(2, Duration.ofSeconds(30), 100);
        batcher.submit("decisions", Message.of(1));
        batcher.submit("decisions", Message.of(2)); // first batch of 2, storing
        for (int i = 0; i < 5; i++) {
            batcher.submit("decisions", Message.of(i));
        }
        assertEquals(List.of(2), batchSizes);
        stores.get(0).complete(null);
        assertEquals(List.of(2, 2), batchSizes, "the next batch goes as soon as the store finished");
    }

    @Test
    void aPartialBatchGatheredDuringAStoreWaitsForTheWindowInsteadOfGoingAtOnce() {
        MessageBatcher batcher = batcher(10, Duration.ofMillis(300), 100);
        for (int i = 0; i < 10; i++) {
            batcher.submit("decisions", Message.of(i)); // a full batch: stored at once
        }
        batcher.submit("decisions", Message.of(10));
        batcher.submit("decisions", Message.of(11));
        assertEquals(List.of(10), batchSizes);
        stores.get(0).complete(null);
        assertEquals(List.of(10), batchSizes, "two waiting messages do not make a commit of their own yet");
        Awaitility.await().atLeast(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2))
                .until(() -> batchSizes.equals(List.of(10, 2)));
    }

    @Test
    void stopsTakingMessagesWhileTooManyAreUnsettled() throws Exception {
        MessageBatcher batcher = batcher(2, Duration.ofSeconds(30), 4);
        batcher.submit("decisions", Message.of(1));
        batcher.submit("decisions", Message.of(2));
        batcher.submit("decisions", Message.of(3));
        CompletableFuture<Void> fourth = batcher.submit("decisions", Message.of(4)).subscribeAsCompletionStage();
        assertFalse(fourth.isDone(), "no room: the channel must wait");
        assertEquals(4, batcher.inFlight());

        stores.get(0).complete(null);
        fourth.get(1, TimeUnit.SECONDS);
        assertTrue(fourth.isDone());
        assertEquals(2, batcher.inFlight());
    }
}
