package com.betterfleet.access.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.betterfleet.access.local.ServiceProcess;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * How the in-memory registry scales: for each registry size, one authorisation-service with the
 * pod's heap (deploy/k8s: a 768Mi limit, MaxRAMPercentage=70 in the image, so -Xmx537m) and the
 * pod's collector (Serial), seeded through the registry API, then restarted so that the initial load
 * is measured. Per size it prints the start-to-ready time, the live heap after a full collection and
 * what that costs per identifier, the full collection's pause, the resident set against the pod's
 * limit, and Authorize latency at a fixed rate with GC pauses during it. The smallest size is the
 * baseline the others are read against, in the same run.
 *
 * <p>Identifiers are spread over {@code bench.accounts} accounts, each with one charger in managed
 * access; half the requests carry a known tag picked at random over the whole registry (so lookups
 * miss the CPU caches as they would in production), half an unknown one.
 *
 * <p>System properties: bench.registry-sizes (1000,250000,1000000; the first is the baseline),
 * bench.accounts (100), bench.service-heap (-Xmx537m), bench.rate (1000), bench.rate-seconds (20),
 * bench.warmup-seconds (30: a closed loop, 32 connections, before the rate), bench.rate-warmup-seconds (20),
 * bench.seed-in-flight (4 batches of 1,000). Every phase is bounded:
 * seeding by its batches' timeouts, the start by 10 minutes, the rate phases by their duration + 30 s.
 */
public final class RegistryScaleBenchmark {
    /** The pod's memory limit (deploy/k8s/authorisation-service/deployment.yaml), to read the resident set against. */
    private static final long POD_LIMIT_MIB = 768;
    private static final Pattern PAUSE = Pattern.compile("Pause (Young|Full)[^\\n]*?(\\d+(?:\\.\\d+)?)ms");
    private static final Pattern USED_KB = Pattern.compile("used (\\d+)K");

    private final List<Integer> sizes = Arrays.stream(System.getProperty("bench.registry-sizes", "1000,250000,1000000")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private final int accounts = Integer.getInteger("bench.accounts", 100);
    private final String heap = System.getProperty("bench.service-heap", "-Xmx537m");
    private final int rate = Integer.getInteger("bench.rate", 1000);
    private final int rateSeconds = Integer.getInteger("bench.rate-seconds", 20);
    private final int rateWarmupSeconds = Integer.getInteger("bench.rate-warmup-seconds", 20);
    private final int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 30);
    private final int seedInFlight = Integer.getInteger("bench.seed-in-flight", 4);

    private final Vertx vertx = Vertx.vertx();
    private final String[] accountIds;

    private RegistryScaleBenchmark() {
        accountIds = new String[accounts];
        for (int a = 0; a < accounts; a++) {
            // the shape of a real account id (a UUID), so its strings cost what production's do
            accountIds[a] = String.format(Locale.ROOT, "6f1c2a9e-0000-4000-8000-%012d", a);
        }
    }

    public static void main(String[] args) throws Exception {
        new RegistryScaleBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (ChargerAccessSystem system = new ChargerAccessSystem("registry-benchmark")) {
            // Drains the decisions, as in production; it runs throughout, for every size alike.
            system.decisionLog();
            System.out.printf(Locale.ROOT, "%nRegistry scale benchmark: %d cores, service %s -XX:+UseSerialGC, %d accounts,"
                    + " %d req/s for %d s per size (after %d s at the rate unmeasured)%n",
                    Runtime.getRuntime().availableProcessors(), heap, accounts, rate, rateSeconds, rateWarmupSeconds);
            for (int size : sizes) {
                Row row = measure(system, size);
                rows.add(row);
                System.out.println(row.line());
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        System.out.printf(Locale.ROOT, "%n%12s %10s %8s %9s %9s %8s %9s %8s %8s %8s %8s %14s %6s%n", "identifiers",
                "seed id/s", "ready s", "live MiB", "B/ident", "full ms", "RSS MiB", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "GC in phase", "errors");
        Row baseline = rows.get(0);
        for (Row row : rows) {
            System.out.println(row.table(baseline));
        }
        System.out.printf(Locale.ROOT, "B/ident: (live heap - the baseline's) / (identifiers - the baseline's)."
                + " RSS is read against the pod's %d MiB limit; GC in phase: collections during the measured"
                + " rate phase (longest pause).%n", POD_LIMIT_MIB);
    }

    /** One size: a fresh database and service, seeded, restarted, measured, stopped. */
    private Row measure(ChargerAccessSystem system, int size) throws Exception {
        String name = "authorisation-" + size;
        String database = "authorisation_" + size;
        system.postgres.createDatabase(database);
        Path gcLog = Path.of("target", "system-logs", "registry-benchmark", "gc-" + size + ".log").toAbsolutePath();
        ServiceProcess service = system.launch(name, "authorisation-service", database, Map.of(), builder -> builder
                .heap(heap).jvmOptions("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog)
                .startTimeout(Duration.ofMinutes(10)));
        try {
            try (PolicyEventPublisher policies = new PolicyEventPublisher(system.broker)) {
                for (int a = 0; a < accounts; a++) {
                    policies.constantMode(accountIds[a], charger(a), 1, "managed_access");
                }
            }
            long seedStart = System.nanoTime();
            new IdentifierSeeder(service.httpUrl(), system.identifierSyncToken(), 1000, seedInFlight)
                    .seed(size, this::item);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            // The initial load is what a new pod or a restarted one goes through.
            service.stop();
            long startAt = System.nanoTime();
            service.start();
            double readySeconds = (System.nanoTime() - startAt) / 1e9;
            long pid = service.pid().orElseThrow();
            List<Double> fullPauses = new ArrayList<>();
            long liveKb = 0;
            for (int i = 0; i < 3; i++) {
                long before = Files.size(gcLog);
                jcmd(pid, "GC.run");
                fullPauses.addAll(pauses(gcLog, before, "Full"));
                liveKb = usedKb(jcmd(pid, "GC.heap_info"));
            }
            long rssKb = rssKb(pid);
            // what the runbook's memory alert reads
            ServiceMetrics metrics = ServiceMetrics.of(service);
            double oldGenerationShare = metrics.value("jvm_memory_used_bytes", "id=\"Tenured Gen\"")
                    / metrics.value("jvm_memory_max_bytes", "id=\"Tenured Gen\"");

            HttpClient http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(256).setKeepAlive(true)
                    .setDefaultHost("127.0.0.1").setDefaultPort(service.httpPort()));
            String authorization = "Bearer " + system.authoriserToken();
            Requests requests = new Requests(http, authorization, size);
            requests.confirmKnownAccepted();
            // A fresh JVM: at the rate alone, 20 s left the JIT compiling into the measured phase.
            requests.closedLoop(warmupSeconds, 32);
            openLoop(requests, rateWarmupSeconds, new LatencyRecorder(rate * rateWarmupSeconds));
            long gcBefore = Files.size(gcLog);
            LatencyRecorder latency = new LatencyRecorder(rate * rateSeconds);
            openLoop(requests, rateSeconds, latency);
            List<Double> phasePauses = pauses(gcLog, gcBefore, "");
            http.close();
            return new Row(size, size / seedSeconds, readySeconds, liveKb / 1024.0, median(fullPauses), rssKb / 1024.0,
                    oldGenerationShare, latency, phasePauses, requests.unexpected.get());
        } finally {
            service.stop();
        }
    }

    private String item(int i) {
        return "{\"op\":\"upsert\",\"accountId\":\"" + accountIds[i % accounts] + "\",\"idToken\":\"" + tag(i)
                + "\",\"idTokenType\":\"ISO14443\",\"accessClass\":\"own_fleet\",\"vehicleId\":\""
                + String.format(Locale.ROOT, "0d9b7c1e-0000-4000-9000-%012d", i) + "\",\"status\":\"active\"}";
    }

    /** A 7-byte ISO 14443 UID (14 hex digits), the common RFID card form. */
    private static String tag(int i) {
        return String.format(Locale.ROOT, "04%012X", i);
    }

    private static String charger(int account) {
        return "CP-SCALE-" + account;
    }

    /** The Authorize requests of the rate phases and how their answers are checked. */
    private final class Requests {
        private final HttpClient http;
        private final String authorization;
        private final int size;
        private final SplittableRandom random = new SplittableRandom(42);
        private long sent;
        /** Answers that were not the expected decision: a known tag not accepted, an unknown one accepted. */
        final AtomicInteger unexpected = new AtomicInteger();

        Requests(HttpClient http, String authorization, int size) {
            this.http = http;
            this.authorization = authorization;
            this.size = size;
        }

        /** Fails fast when the known tags are not accepted (e.g. the policies did not arrive): nothing to measure then. */
        void confirmKnownAccepted() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                LatencyRecorder probe = new LatencyRecorder(1);
                unexpected.set(0);
                java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
                send(size - 1, System.nanoTime(), probe, done::countDown);
                done.await(10, TimeUnit.SECONDS);
                if (probe.count() == 1 && unexpected.get() == 0) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("known identifiers are not accepted on " + size + " identifiers");
        }

        /** {@code connections} requests in flight for {@code seconds}, each sent when the one before it was answered. */
        void closedLoop(int seconds, int connections) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            LatencyRecorder ignored = new LatencyRecorder(1);
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(connections);
            Context context = vertx.getOrCreateContext();
            for (int i = 0; i < connections; i++) {
                context.runOnContext(v -> worker(deadline, ignored, done));
            }
            done.await(seconds + 30L, TimeUnit.SECONDS);
        }

        private void worker(long deadline, LatencyRecorder ignored, java.util.concurrent.CountDownLatch done) {
            if (System.nanoTime() >= deadline) {
                done.countDown();
                return;
            }
            next(System.nanoTime(), ignored, () -> worker(deadline, ignored, done));
        }

        void next(long intendedAt, LatencyRecorder latency, Runnable answered) {
            long n = sent++;
            int index = n % 2 == 0 ? random.nextInt(size) : -1 - (int) (n % 1_000_000);
            send(index, intendedAt, latency, answered);
        }

        /** index >= 0: registered identifier {@code index}; below 0: an unknown tag. */
        private void send(int index, long intendedAt, LatencyRecorder latency, Runnable answered) {
            boolean known = index >= 0;
            int account = known ? index % accounts : (int) ((-index) % accounts);
            String idToken = known ? tag(index) : String.format(Locale.ROOT, "05%012X", -index);
            Buffer body = Buffer.buffer("{\"chargerId\":\"" + charger(account) + "\",\"idToken\":\"" + idToken
                    + "\",\"protocol\":\"ocpp1.6\",\"connectorId\":1}");
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/v1/authorise")
                    .putHeader("Authorization", authorization).putHeader("Content-Type", "application/json");
            http.request(options)
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(b -> response.statusCode() == 200 ? b.toString() : null))
                    .onComplete(result -> {
                        if (result.succeeded() && result.result() != null) {
                            latency.record(System.nanoTime() - intendedAt, intendedAt);
                            boolean accepted = result.result().contains("\"status\":\"Accepted\"");
                            if (accepted != known) {
                                unexpected.incrementAndGet();
                            }
                        } else {
                            latency.error();
                        }
                        answered.run();
                    });
        }
    }

    private void openLoop(Requests requests, int seconds, LatencyRecorder latency) throws InterruptedException {
        long start = System.nanoTime();
        // OpenLoop calls from one timer on one event loop, so Requests needs no locking.
        OpenLoop.run(vertx, start, rate, rate * seconds, seconds, (intended, answered) ->
                requests.next(intended, latency, answered));
    }

    /** The pauses logged after byte {@code from} of the GC log, of collections whose kind starts with {@code kind}. */
    private static List<Double> pauses(Path gcLog, long from, String kind) throws IOException {
        String text;
        try (var in = Files.newInputStream(gcLog)) {
            in.skipNBytes(from);
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<Double> found = new ArrayList<>();
        Matcher m = PAUSE.matcher(text);
        while (m.find()) {
            if (m.group(1).startsWith(kind)) {
                found.add(Double.valueOf(m.group(2)));
            }
        }
        return found;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    /** The heap in use (young and old generation) from GC.heap_info of the Serial collector. */
    private static long usedKb(String heapInfo) {
        long used = 0;
        for (String line : heapInfo.lines().toList()) {
            if (line.contains("generation")) {
                Matcher m = USED_KB.matcher(line);
                if (m.find()) {
                    used += Long.parseLong(m.group(1));
                }
            }
        }
        if (used == 0) {
            throw new IllegalStateException("no heap figures in GC.heap_info: " + heapInfo);
        }
        return used;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private record Row(int identifiers, double seedRate, double readySeconds, double liveMib, double fullPauseMs,
            double rssMib, double oldGenerationShare, LatencyRecorder latency, List<Double> phasePauses, int unexpected) {
        String line() {
            return String.format(Locale.ROOT, "%,d identifiers: seeded at %,.0f/s, ready %.1f s after start, live heap"
                    + " %.1f MiB, full GC %.1f ms, RSS %.0f MiB, old generation %.0f%% in use (the runbook's alert"
                    + " reads this), p99 %.2f ms, %d collections in the rate phase, %d unexpected answers", identifiers,
                    seedRate, readySeconds, liveMib, fullPauseMs, rssMib, 100 * oldGenerationShare,
                    latency.percentileMillis(99), phasePauses.size(), unexpected);
        }

        String table(Row baseline) {
            String perIdentifier = this == baseline ? "baseline" : String.format(Locale.ROOT, "%.0f",
                    (liveMib - baseline.liveMib) * 1024 * 1024 / (identifiers - baseline.identifiers));
            double longest = phasePauses.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            return String.format(Locale.ROOT, "%,12d %10.0f %8.1f %9.1f %9s %8.1f %9.0f %8.2f %8.2f %8.2f %8.2f %14s %6d",
                    identifiers, seedRate, readySeconds, liveMib, perIdentifier, fullPauseMs, rssMib,
                    latency.percentileMillis(50), latency.percentileMillis(99), latency.percentileMillis(99.9),
                    latency.percentileMillis(100), String.format(Locale.ROOT, "%d (%.1f ms)", phasePauses.size(), longest),
                    latency.errors() + unexpected);
        }
    }
}
