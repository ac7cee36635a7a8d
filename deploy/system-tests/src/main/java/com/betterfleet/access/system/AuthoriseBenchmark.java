package com.betterfleet.access.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.betterfleet.access.local.ServiceProcess;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * Drives POST /api/v1/authorise against the packaged authorisation-service and, in the same run and
 * the same way, the no-op endpoint POST /api/v1/authorise:noop (same service, same token check, same
 * body parsing, no decision and no write): the ceiling. Then checks that every answered decision is
 * in the decision log exactly once.
 *
 * <p>Phases (every loop bounded in time and count): per endpoint, a warm-up and then closed-loop
 * throughput with C concurrent connections, then more rounds of the two closed loops in turn; then per endpoint open-loop latency at a fixed rate,
 * measured from each request's intended send time so a stall is not hidden (no coordinated
 * omission).
 *
 * <p>System properties: bench.concurrency (32), bench.seconds (15), bench.rounds (3: the closed loops
 * of the two endpoints alternate this many times, and the throughput ratio is the median of the rounds), bench.rate (1000),
 * bench.rate-seconds (20), bench.rate-warmup-seconds (20, the least, unmeasured, before each latency phase),
 * bench.rate-warmup-max-seconds (60), bench.warmup-seconds (30, the least), bench.warmup-max-seconds (150),
 * bench.jit-quiet-cores (0.05: warm-up ends when the JIT compilers of all JVMs use less), bench.identifiers (1000), bench.hold-seconds (0: off),
 * bench.pin (false: every process may use every core; true: authorisation-service alone on CPU 0, everything
 * else, this JVM with the broker and the load generator included, on CPU 1).
 *
 * <p>Besides latency it prints the CPU milliseconds per request of each process group during the two
 * closed-loop phases, so a reader can see what the service itself costs and what the pipeline behind
 * it (broker, PostgreSQL, decision-log-service) costs on the same cores.
 */
public final class AuthoriseBenchmark {
    private static final String ACCOUNT = "acc-bench";
    private static final String CHARGER = "CP-BENCH";

    private final int concurrency = Integer.getInteger("bench.concurrency", 32);
    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final int rate = Integer.getInteger("bench.rate", 1000);
    private final int rateSeconds = Integer.getInteger("bench.rate-seconds", 20);
    // On 2 shared cores the JIT needs about half a minute per endpoint; shorter warm-ups measured
    // the compiler, not the service (noop 900 vs 6,300 req/s).
    private final int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 30);
    /**
     * After the minimum warm-up, it goes on in 5 s steps until the JIT compilers of all three JVMs
     * together used less than {@code bench.jit-quiet-cores} in a step, or this much time passed. At
     * 30 s flat, the decision-log's C2 still used up to 0.2 cores during the measured Authorize
     * phase; a service that has run for minutes, or a native build, has none of that.
     */
    private final int warmupMaxSeconds = Integer.getInteger("bench.warmup-max-seconds", 150);
    private final double jitQuietCores = Double.parseDouble(System.getProperty("bench.jit-quiet-cores", "0.05"));
    private final int identifiers = Integer.getInteger("bench.identifiers", 1000);
    private final int rounds = Math.max(1, Integer.getInteger("bench.rounds", 3));
    // A latency phase follows a phase of another shape (a closed loop, or the other endpoint): the
    // JIT then deoptimises and recompiles the event loops' hot code (a 300 ms stall in the first
    // second in a JFR profile), which is the benchmark's phase change, not the service. An unmeasured
    // run at the rate first. 5 s was not enough: per-thread CPU showed the C2 compilers of the
    // broker's JVM, authorisation- and decision-log-service all busy 20 s into the phase (half a
    // core at once), and 42-51 slow slices.
    private final int rateWarmupSeconds = Integer.getInteger("bench.rate-warmup-seconds", 20);
    private final int rateWarmupMaxSeconds = Integer.getInteger("bench.rate-warmup-max-seconds", 60);

    private final Vertx vertx = Vertx.vertx();
    /**
     * Answered decision ids as two longs each, in a preallocated array: a set of 100,000+ strings made
     * the load generator's JVM (which also runs the broker) collect garbage during the Authorize
     * phases only, charging its GC to the decision path.
     */
    private final AnsweredIds answered = new AnsweredIds(4_000_000);
    private final AtomicLong sequence = new AtomicLong();
    private io.vertx.core.http.HttpClient http;
    private String token;
    /** "Bearer " + token, built once: the load generator should cost as little as it can. */
    private String authorization;
    private ServiceProcess authorisation;

    public static void main(String[] args) throws Exception {
        new AuthoriseBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (ChargerAccessSystem system = new ChargerAccessSystem("benchmark")) {
            authorisation = system.authorisation("authorisation-bench");
            ServiceProcess decisionLog = system.decisionLog();
            token = system.authoriserToken();
            authorization = "Bearer " + token;
            try (PolicyEventPublisher policies = new PolicyEventPublisher(system.broker)) {
                policies.constantMode(ACCOUNT, CHARGER, 1, "managed_access");
            }
            seedIdentifiers(system.identifierSyncToken());
            http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(Math.max(concurrency, 256))
                    .setKeepAlive(true).setDefaultHost("127.0.0.1").setDefaultPort(authorisation.httpPort()));
            waitForManagedMode();
            ProcessCpu cpu = new ProcessCpu()
                    .jvm("authorisation", authorisation.pid())
                    .jvm("decision-log", decisionLog.pid())
                    .group("postgres", ProcessCpu.postgresOf(system.postgres.port()))
                    // this JVM, split by thread: Artemis threads, the load generator, and the JVM's own (GC, JIT)
                    .ownThreads("broker", thread -> thread.contains("activ") || thread.startsWith("Thread-"))
                    .ownThreads("load generator", thread -> thread.startsWith("vert.x") || thread.startsWith("main")
                            || thread.startsWith("HttpClient") || thread.startsWith("cpu-timeline"))
                    // the rest of this JVM: its JIT compilers apart, since they were busy in most stalls
                    .ownCompilerThreads("JIT-bench compilers (this JVM)")
                    .ownThreads("GC+other (this JVM)", thread -> true);
            boolean pinned = Boolean.getBoolean("bench.pin");
            if (pinned) {
                boolean ok = ProcessCpu.pin(ProcessCpu.of(authorisation.pid()), "0")
                        & ProcessCpu.pin(ProcessCpu.of(decisionLog.pid()), "1")
                        & ProcessCpu.pin(ProcessCpu.postgresOf(system.postgres.port()).get(), "1")
                        & ProcessCpu.pin(List.of(ProcessHandle.current().pid()), "1");
                System.out.println(ok ? "pinned: authorisation-service on CPU 0; PostgreSQL, decision-log-service, "
                        + "broker and load generator on CPU 1" : "pinning with taskset failed: results are unpinned");
            }
            int hold = Integer.getInteger("bench.hold-seconds", 0);
            if (hold > 0) {
                // Lets an external load tool (wrk) drive the same prepared system for comparison.
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "bench-target.env"),
                        "URL=" + authorisation.httpUrl() + "\nTOKEN=" + token + "\n");
                System.out.println("holding the system for " + hold + " s: target/bench-target.env");
                Thread.sleep(hold * 1000L);
                return;
            }

            System.out.printf(Locale.ROOT, "%nAuthorize benchmark: %d cores, concurrency %d, %d s per throughput phase, "
                    + "%d req/s for %d s per latency phase%n", Runtime.getRuntime().availableProcessors(), concurrency,
                    seconds, rate, rateSeconds);
            // Each endpoint is first measured right after its own warm-up. With both warm-ups first, the
            // C2 compilers of the broker's JVM were still busy in the authorise phase that followed
            // 15 s of no-op (0.07 ms of CPU per decision in one run, 0.01 in another). Then the two
            // closed loops alternate for bench.rounds rounds and the ratio is taken per round: the
            // machine's speed drifts (other tenants of the host), and the no-op ceiling alone moved
            // between 7,200 and 11,000 req/s from one run to the next.
            List<String> rows = new ArrayList<>();
            ClosedLoops noop = new ClosedLoops("/api/v1/authorise:noop");
            ClosedLoops authorise = new ClosedLoops("/api/v1/authorise");
            // WAL from the first measured Authorize round to the end of the last: the no-op rounds between write none
            long[] walStart = null;
            List<String> roundLines = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                if (round == 1) {
                    warmUp(noop.path, cpu);
                }
                double noopRate = noop.measure(cpu, seconds);
                if (round == 1) {
                    warmUp(authorise.path, cpu);
                    walStart = wal(system);
                }
                double authoriseRate = authorise.measure(cpu, seconds);
                ratios.add(authoriseRate / noopRate);
                roundLines.add(String.format(Locale.ROOT, "  round %d: no-op %,.0f req/s, authorise %,.0f req/s: %.1f%%",
                        round, noopRate, authoriseRate, 100.0 * authoriseRate / noopRate));
            }
            long[] walEnd = wal(system);
            rows.add(noop.result().row("no-op ceiling (closed loop)"));
            rows.add(authorise.result().row("authorise (closed loop)"));
            // Authorise at the rate right after its closed loop, while the pipeline's code is hot: after
            // 25 s of no-op the broker's JVM still compiled for 7 s into the measured phase (0.4-0.9
            // cores of C2 in the slow slices), 20 s of warm-up at the rate notwithstanding.
            Result authoriseRate = openLoop("/api/v1/authorise", cpu);
            Result noopRate = openLoop("/api/v1/authorise:noop", cpu);
            rows.add(noopRate.row("no-op ceiling @" + rate + "/s"));
            rows.add(authoriseRate.row("authorise @" + rate + "/s"));

            System.out.printf(Locale.ROOT, "%n%-32s %10s %9s %9s %9s %9s %7s%n", "phase", "req/s", "p50 ms", "p99 ms",
                    "p99.9 ms", "max req", "errors");
            rows.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "%nclosed loops, %d rounds of no-op then authorise, %d s each:%n", rounds, seconds);
            roundLines.forEach(System.out::println);
            System.out.printf(Locale.ROOT, "authorise throughput / no-op ceiling: %.1f%%, the median of %d rounds"
                    + " (all rounds together: %.1f%%) (target >= 50%%)%n", 100.0 * median(ratios), rounds,
                    100.0 * authorise.result().throughput() / noop.result().throughput());
            System.out.printf(Locale.ROOT, "authorise p99 at %d req/s: %.2f ms (target <= 5 ms)%n", rate,
                    authoriseRate.latency().percentileMillis(99));
            System.out.println("100 ms slices over 20 ms, authorise @" + rate + "/s: " + authoriseRate.stalls());
            System.out.println("100 ms slices over 20 ms, no-op @" + rate + "/s:     " + noopRate.stalls());
            System.out.println("CPU ms per request, no-op closed loop:     "
                    + ProcessCpu.perRequest(Map.of(), noop.cpuSeconds, noop.latency.count()));
            System.out.println("CPU ms per request, authorise closed loop: "
                    + ProcessCpu.perRequest(Map.of(), authorise.cpuSeconds, authorise.latency.count()));
            System.out.println(pipelineBound(noop, authorise));
            if (walStart != null && walEnd != null) {
                double decisions = authorise.latency.count();
                System.out.printf(Locale.ROOT, "PostgreSQL WAL per decision, authorise closed loop: %.0f bytes, %.2f records,"
                        + " %.3f full-page images (checkpoints during the run: %d)%n", (walEnd[2] - walStart[2]) / decisions,
                        (walEnd[0] - walStart[0]) / decisions, (walEnd[1] - walStart[1]) / decisions, walEnd[3]);
            }
            System.out.printf(Locale.ROOT, "issuer key-set fetches during the run: %d%n", system.issuer.keySetRequests());
            System.out.println("authorisation-service metrics: " + metrics(authorisation,
                    "authorisation_decisions_per_message_count", "authorisation_decisions_per_message_sum",
                    "authorisation_decisions_per_message_max", "authorisation_decisions_recorded_total",
                    "authorisation_decisions_broker_ack_seconds_count", "authorisation_decisions_broker_ack_seconds_sum",
                    "authorisation_decisions_broker_ack_seconds_max"));
            System.out.println("decision-log-service metrics: " + metrics(decisionLog,
                    "decision_log_store_batch_size_count", "decision_log_store_batch_size_sum",
                    "decision_log_store_seconds_count", "decision_log_store_seconds_sum", "decision_log_store_seconds_max"));
            verifyLog(system, decisionLog);
            autovacuum(system);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * What the pipeline behind Authorize (broker, PostgreSQL, decision-log-service) costs on the cores
     * it shares with the service here, as a limit on the ratio: the ratio Authorize would reach on CPU
     * alone if it cost the service and the load generator no more than the no-op does.
     */
    private static String pipelineBound(ClosedLoops noop, ClosedLoops authorise) {
        double noopMs = noop.cpuMsPerRequest(noop.cpuSeconds.keySet());
        double pipelineMs = 0;
        for (String group : List.of("broker", "postgres", "decision-log")) {
            pipelineMs += Math.max(0, authorise.cpuMsPerRequest(List.of(group)) - noop.cpuMsPerRequest(List.of(group)));
        }
        return String.format(Locale.ROOT, "pipeline on the shared cores: broker + postgres + decision-log %.3f ms per decision;"
                + " with nothing else added to the no-op's %.3f ms, the ratio on CPU alone could be at most %.1f%%",
                pipelineMs, noopMs, 100.0 * noopMs / (noopMs + pipelineMs));
    }

    private record Result(LatencyRecorder latency, double seconds, java.time.Instant startedAt,
            List<Map<String, Double>> cpu) {
        Result(LatencyRecorder latency, double seconds) {
            this(latency, seconds, null, List.of());
        }

        String stalls() {
            return latency.stalls(20, startedAt, slice -> ProcessCpu.slice(cpu, slice));
        }

        double throughput() {
            return latency.count() / seconds;
        }

        String row(String name) {
            return String.format(Locale.ROOT, "%-32s %10.0f %9.2f %9.2f %9.2f %9d %7d", name, throughput(),
                    latency.percentileMillis(50), latency.percentileMillis(99), latency.percentileMillis(99.9),
                    latency.count(), latency.errors());
        }
    }

    /** A closed loop until the JIT compilers are quiet (see {@link #warmupMaxSeconds}). */
    private void warmUp(String path, ProcessCpu cpu) throws Exception {
        untilCompilersQuiet(path, cpu, warmupSeconds, warmupMaxSeconds, seconds -> closedLoop(path, seconds, new LatencyRecorder(2_000_000)));
    }

    /** One step of a warm-up: load of the phase's shape for this many seconds. */
    private interface WarmUpStep {
        void run(int seconds) throws Exception;
    }

    /**
     * Runs the load for {@code minSeconds}, then in 5 s steps until the JIT compilers of all JVMs used
     * less than {@link #jitQuietCores} in a step, or {@code maxSeconds} passed; prints how long it took.
     */
    private void untilCompilersQuiet(String label, ProcessCpu cpu, int minSeconds, int maxSeconds, WarmUpStep load)
            throws Exception {
        final int step = 5;
        int elapsed = Math.max(0, minSeconds - step);
        load.run(elapsed);
        double compiling;
        do {
            Map<String, Double> before = cpu.sample();
            long started = System.nanoTime();
            load.run(step);
            compiling = cpu.compilerCores(before, cpu.sample(), (System.nanoTime() - started) / 1e9);
            elapsed += step;
        } while (compiling >= jitQuietCores && elapsed + step <= maxSeconds);
        System.out.printf(Locale.ROOT, "warm-up %s: %d s; JIT compilers of all JVMs in its last %d s: %.2f cores (%s)%n",
                label, elapsed, step, compiling, compiling < jitQuietCores ? "quiet below " + jitQuietCores
                        : "NOT QUIET: the time limit ended it, the phase after it measures the compilers too");
    }

    /**
     * The measured closed-loop phases of one endpoint: latencies of all rounds in one recorder, and the
     * CPU seconds each process group used in them.
     */
    private final class ClosedLoops {
        final String path;
        final LatencyRecorder latency = new LatencyRecorder(4_000_000);
        final Map<String, Double> cpuSeconds = new java.util.LinkedHashMap<>();
        double measuredSeconds;

        ClosedLoops(String path) {
            this.path = path;
        }

        /** One round; its throughput in requests per second. */
        double measure(ProcessCpu cpu, int durationSeconds) throws InterruptedException {
            int before = latency.count();
            Map<String, Double> cpuBefore = cpu.sample();
            double elapsed = closedLoop(path, durationSeconds, latency);
            cpu.sample().forEach((group, value) -> cpuSeconds.merge(group, value - cpuBefore.getOrDefault(group, 0.0),
                    Double::sum));
            measuredSeconds += elapsed;
            return (latency.count() - before) / elapsed;
        }

        Result result() {
            return new Result(latency, measuredSeconds);
        }

        /** CPU milliseconds the named process groups used per request measured. */
        double cpuMsPerRequest(java.util.Collection<String> groups) {
            double seconds = 0;
            for (String group : groups) {
                seconds += cpuSeconds.getOrDefault(group, 0.0);
            }
            return 1000.0 * seconds / Math.max(1, latency.count());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** C workers, each sending its next request when the previous answer arrived; the seconds it ran. */
    private double closedLoop(String path, int durationSeconds, LatencyRecorder latency) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(durationSeconds);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            vertx.runOnContext(v -> worker(path, deadline, latency, done));
        }
        done.await(durationSeconds + 30L, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e9;
    }

    private void worker(String path, long deadline, LatencyRecorder latency, CountDownLatch done) {
        if (System.nanoTime() >= deadline || latency.full()) {
            done.countDown();
            return;
        }
        long sent = System.nanoTime();
        send(path, sent, latency, () -> worker(path, deadline, latency, done));
    }

    /** A request every 1/rate s whatever the answers do (OpenLoop); latency counts from the intended send time. */
    private Result openLoop(String path, ProcessCpu cpu) throws Exception {
        if (rateWarmupSeconds > 0) {
            // The change from a closed to an open loop makes all three JVMs meet branches their
            // compiled code never took (JFR: "unstable_if" deoptimisations in the HTTP client's pool
            // and in proton's transfer decoding 5 s into the rate), then recompile at once for
            // hundreds of milliseconds: the same quiet rule as the closed-loop warm-up.
            untilCompilersQuiet(path + " @" + rate + "/s", cpu, rateWarmupSeconds, rateWarmupMaxSeconds,
                    // with the CPU sampler too: its first use at the start of a measured phase compiled it there
                    seconds -> openLoop(path, seconds, cpu));
        }
        return openLoop(path, rateSeconds, cpu);
    }

    private Result openLoop(String path, int durationSeconds, ProcessCpu cpu) throws Exception {
        int total = rate * durationSeconds;
        java.util.concurrent.CompletableFuture<List<Map<String, Double>>> cpuTimeline = cpu == null
                ? java.util.concurrent.CompletableFuture.completedFuture(List.of()) : cpu.timeline(durationSeconds);
        java.time.Instant wallClockStart = java.time.Instant.now();
        long start = System.nanoTime();
        LatencyRecorder latency = new LatencyRecorder(total, start, durationSeconds);
        OpenLoop.run(vertx, start, rate, total, durationSeconds,
                (intended, answered) -> send(path, intended, latency, answered));
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latency, elapsed, wallClockStart, cpuTimeline.get(10, TimeUnit.SECONDS));
    }

    private void send(String path, long startedAt, LatencyRecorder latency, Runnable then) {
        long n = sequence.incrementAndGet();
        // Half known own-fleet tags, half unknown: both the accept and the deny path are measured.
        String tag = n % 2 == 0 ? ownFleetTag((int) (n / 2 % identifiers)) : String.format("%08X", 0x7000_0000L + n);
        Buffer body = Buffer.buffer("{\"chargerId\":\"" + CHARGER + "\",\"idToken\":\"" + tag
                + "\",\"protocol\":\"ocpp1.6\",\"connectorId\":1}");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .putHeader("Authorization", authorization).putHeader("Content-Type", "application/json");
        http.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(b -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + b);
                    }
                    return b;
                }))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        latency.record(System.nanoTime() - startedAt, startedAt);
                        if (!path.endsWith(":noop")) {
                            answered.add(decisionId(result.result()));
                        }
                    } else {
                        latency.error();
                    }
                    then.run();
                });
    }

    /** The decisionId of an answer, found without parsing the whole JSON. */
    private static String decisionId(Buffer body) {
        String text = body.toString();
        int at = text.indexOf("\"decisionId\":\"");
        if (at < 0) {
            throw new IllegalStateException("no decisionId in " + text);
        }
        int start = at + "\"decisionId\":\"".length();
        return text.substring(start, start + 36);
    }

    private static String ownFleetTag(int i) {
        return String.format("0B%06X", i);
    }

    private void seedIdentifiers(String syncToken) throws Exception {
        new IdentifierSeeder(authorisation.httpUrl(), syncToken, 500, 1).seed(identifiers, i -> "{\"op\":\"upsert\","
                + "\"accountId\":\"" + ACCOUNT + "\",\"idToken\":\"" + ownFleetTag(i) + "\",\"idTokenType\":\"ISO14443\","
                + "\"accessClass\":\"own_fleet\",\"vehicleId\":\"bus-" + i + "\",\"status\":\"active\"}");
    }

    private void waitForManagedMode() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String body = "{\"chargerId\":\"" + CHARGER + "\",\"idToken\":\"" + ownFleetTag(identifiers - 1) + "\"}";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> noop = post(client, "/api/v1/authorise:noop", body);
            HttpResponse<String> real = post(client, "/api/v1/authorise", body);
            if (noop.statusCode() == 200 && real.statusCode() == 200 && real.body().contains("own_fleet")) {
                answered.add(new JsonObject(real.body()).getString("decisionId"));
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the charger did not reach managed access with the seeded identifiers");
    }

    private HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(authorisation.httpUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * PostgreSQL's WAL counters (records, full-page images, bytes) and its checkpoints so far: all
     * databases of the server, which during the closed loop means decision-log's inserts. Null when
     * the server does not have them.
     */
    private static long[] wal(ChargerAccessSystem system) {
        try (Connection c = system.postgres.connect("decision_log");
                ResultSet rs = c.createStatement().executeQuery("SELECT wal_records, wal_fpi, wal_bytes,"
                        + " (SELECT num_timed + num_requested FROM pg_stat_checkpointer) FROM pg_stat_wal")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        } catch (Exception e) {
            System.out.println("WAL statistics unavailable: " + e);
            return null;
        }
    }

    /** When PostgreSQL's autovacuum last visited the decision log's tables: a candidate for a stall. */
    private static void autovacuum(ChargerAccessSystem system) {
        try (Connection c = system.postgres.connect("decision_log");
                ResultSet rs = c.createStatement().executeQuery("SELECT relname, last_autovacuum, last_autoanalyze,"
                        + " autovacuum_count, autoanalyze_count FROM pg_stat_user_tables"
                        + " WHERE autovacuum_count + autoanalyze_count > 0 ORDER BY relname")) {
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "autovacuum %s: last vacuum %s, last analyze %s (%d, %d times)%n",
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
            }
        } catch (Exception e) {
            System.out.println("autovacuum statistics unavailable: " + e);
        }
    }

    /** The named series of a service's Prometheus metrics, one line. */
    private static String metrics(ServiceProcess service, String... names) {
        try {
            return String.join("; ", ServiceMetrics.of(service).startingWith(names));
        } catch (Exception e) {
            return "unavailable: " + e;
        }
    }

    /**
     * Every answered decision in the log exactly once: the ids answered are compared with the ids
     * stored in decision-log's own database (missing, repeated and unexpected ones are counted).
     */
    private void verifyLog(ChargerAccessSystem system, ServiceProcess decisionLog) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long start = System.nanoTime();
        long stored = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = system.postgres.connect("decision_log");
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM access_record"
                            + " WHERE kind = 'decision' AND charger_id = '" + CHARGER + "'")) {
                rs.next();
                stored = rs.getLong(1);
            }
            if (stored >= answered.size()) {
                break;
            }
            Thread.sleep(500);
        }
        double drained = (System.nanoTime() - start) / 1e9;
        AnsweredIds storedIds = new AnsweredIds((int) Math.max(16, stored + 16));
        try (Connection c = system.postgres.connect("decision_log");
                ResultSet rs = c.createStatement().executeQuery("SELECT decision_id::text FROM access_record"
                        + " WHERE kind = 'decision' AND charger_id = '" + CHARGER + "'")) {
            while (rs.next()) {
                storedIds.add(rs.getString(1));
            }
        }
        AnsweredIds.Comparison result = answered.compareWith(storedIds);
        System.out.printf(Locale.ROOT, "%ndecision log: %d answered decisions, %d stored (drained %.1f s after the load):"
                + " %d missing, %d stored more than once, %d not answered -> %s%n", answered.size(), storedIds.size(),
                drained, result.missing(), result.repeated(), result.unexpected(),
                result.exact() ? "every decision exactly once" : "MISMATCH");
    }
}
