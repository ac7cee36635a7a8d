package com.betterfleet.access.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.betterfleet.access.local.EmbeddedAmqpBroker;
import com.betterfleet.access.local.LogLevels;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;

/**
 * The floor under Authorize's latency: what the embedded broker alone takes to acknowledge a
 * message at a fixed rate, next to what the disk takes to sync a write of the same size (the
 * baseline) and what the broker takes without the journal (non-durable). Authorize answers after
 * the broker acknowledged the durable message holding its decision (ADR 0010), so its p99 cannot be
 * below the durable row here. Each phase: an unmeasured warm-up, then a measured run, latency from
 * each message's intended send time. Nothing else runs: no services, no PostgreSQL.
 *
 * <p>System properties: bench.rate (1000 per second), bench.seconds (20), bench.warmup-seconds (10),
 * bench.message-bytes (700, about one decision); charger-access.broker.journal-buffer-timeout-ns as
 * for the embedded broker.
 */
public final class BrokerAckBenchmark {
    private final int rate = Integer.getInteger("bench.rate", 1000);
    private final int seconds = Integer.getInteger("bench.seconds", 20);
    private final int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 10);
    private final int messageBytes = Integer.getInteger("bench.message-bytes", 700);

    public static void main(String[] args) throws Exception {
        LogLevels.set("", java.util.logging.Level.INFO);
        new BrokerAckBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Broker acknowledgement floor: %d cores, %d messages/s of %d bytes, %d s warm-up + %d s "
                + "measured per phase%n%n", Runtime.getRuntime().availableProcessors(), rate, messageBytes, warmupSeconds, seconds);
        System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s %9s%n", "phase", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
        Path scratch = Files.createTempDirectory("broker-floor");
        try {
            fsyncPhase(scratch.resolve("fsync.dat"), warmupSeconds);
            print("disk: write + fsync (baseline)", fsyncPhase(scratch.resolve("fsync.dat"), seconds));
        } finally {
            Files.deleteIfExists(scratch.resolve("fsync.dat"));
            Files.deleteIfExists(scratch);
        }
        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.temporary("broker-floor").start()) {
            Vertx vertx = Vertx.vertx();
            try {
                AmqpConnection connection = AmqpClient.create(vertx, new AmqpClientOptions().setHost(broker.host())
                        .setPort(broker.port())).connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                AmqpSender sender = connection.createSender("bench.floor").toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                // consumed as decision-log-service consumes: every message is also delivered and settled
                connection.createReceiver("bench.floor").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                        .handler(message -> message.accepted());
                brokerPhase(vertx, sender, false, warmupSeconds);
                print("broker: non-durable send, acknowledged", brokerPhase(vertx, sender, false, seconds));
                brokerPhase(vertx, sender, true, warmupSeconds);
                long cpuBefore = bufferThreadCpuNanos();
                LatencyRecorder durable = brokerPhase(vertx, sender, true, seconds);
                double bufferCores = (bufferThreadCpuNanos() - cpuBefore) / 1e9 / seconds;
                print("broker: durable send, acknowledged", durable);
                System.out.printf(Locale.ROOT, "%nthe journal's write-gathering thread (activemq-buffer-timeout) used %.2f cores "
                        + "during the durable phase%n", bufferCores);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    private void print(String phase, LatencyRecorder latency) {
        System.out.printf(Locale.ROOT, "%-44s %9.2f %9.2f %9.2f %9.2f%s%n", phase, latency.percentileMillis(50),
                latency.percentileMillis(99), latency.percentileMillis(99.9), latency.percentileMillis(100),
                latency.errors() > 0 ? "  (" + latency.errors() + " errors)" : "");
    }

    /**
     * One thread writes and syncs a message-sized record every 1/rate s, as the journal would alone,
     * into a file filled beforehand (Artemis pre-allocates its journal files too, so a sync carries
     * the data, not a change of the file's size).
     */
    private LatencyRecorder fsyncPhase(Path file, int durationSeconds) throws IOException {
        int total = rate * durationSeconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ByteBuffer record = ByteBuffer.allocateDirect(messageBytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
            for (long written = 0; written < (long) total * messageBytes; written += zeros.capacity()) {
                zeros.clear();
                channel.write(zeros);
            }
            channel.force(true);
            channel.position(0);
            long start = System.nanoTime();
            LatencyRecorder latency = new LatencyRecorder(total, start, durationSeconds);
            for (int i = 0; i < total; i++) {
                long intended = start + i * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                record.clear();
                channel.write(record);
                channel.force(false);
                latency.record(System.nanoTime() - intended, intended);
            }
            return latency;
        }
    }

    /** A message every 1/rate s whatever the acknowledgements do (OpenLoop). */
    private LatencyRecorder brokerPhase(Vertx vertx, AmqpSender sender, boolean durable, int durationSeconds)
            throws InterruptedException {
        int total = rate * durationSeconds;
        String body = "x".repeat(messageBytes);
        long start = System.nanoTime();
        LatencyRecorder latency = new LatencyRecorder(total, start, durationSeconds);
        OpenLoop.run(vertx, start, rate, total, durationSeconds, (intended, answered) -> sender
                .sendWithAck(AmqpMessage.create().durable(durable).withBody(body).build()).onComplete(result -> {
                    if (result.succeeded()) {
                        latency.record(System.nanoTime() - intended, intended);
                    } else {
                        latency.error();
                    }
                    answered.run();
                }));
        // not acknowledged in time: an error each, so that a stuck broker cannot look fast
        for (long missing = total - (latency.count() + latency.errors()); missing > 0; missing--) {
            latency.error();
        }
        return latency;
    }

    private static long bufferThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("buffer-timeout")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
