package com.betterfleet.access.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.betterfleet.access.local.ServiceProcess;

/**
 * The dashboard and support queries of decision-log-service on a log of production size: the same
 * queries through the service's API, first on a small log (the baseline, 10,000 decisions), then
 * after loading the bulk (default 3,000,000 decisions over the last 31 days: 3,000 chargers of
 * 100 accounts, about 32 decisions per charger a day). Per query the median and the slowest of
 * {@code bench.query-runs} runs, and the answer's status. Bounded: every request times out after
 * {@code bench.query-timeout-seconds}, and loading is one INSERT per partition.
 *
 * <p>{@code deploy/system-tests/query-benchmark.sh [-Dbench.records=9000000]} (about 8 minutes and
 * 3 GB of disk for 3 million records; the data is deleted afterwards).
 */
public final class QueryScaleBenchmark {
    private static final int ACCOUNTS = 100;
    private static final int CHARGERS_PER_ACCOUNT = 30;
    private static final String ACCOUNT = "acc-7";
    private static final String DRIVER_TAG = "04A1B2C3D4E5F6";

    private final long records = Long.getLong("bench.records", 3_000_000);
    private final int runs = Integer.getInteger("bench.query-runs", 10);
    private final int timeoutSeconds = Integer.getInteger("bench.query-timeout-seconds", 120);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        new QueryScaleBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (ChargerAccessSystem system = new ChargerAccessSystem("query-benchmark")) {
            ServiceProcess log = system.decisionLog();
            String viewer = system.viewerToken(ACCOUNT);
            String machine = system.issuer.clientToken("ops-dashboard", List.of("access-viewer", "access-authoriser"));
            String driverHash = hmac(system.pepper(), DRIVER_TAG);
            Instant now = Instant.now();
            try (Connection c = system.postgres.connect("decision_log"); Statement s = c.createStatement()) {
                s.execute("SELECT decision_log_ensure_partition((date_trunc('month', now()) - interval '1 month')::date)");
                load(s, 10_000, now, driverHash);
                Map<String, String> small = measure(log, viewer, machine, now);
                load(s, records, now, driverHash);
                Map<String, String> large = measure(log, viewer, machine, now);
                System.out.printf(Locale.ROOT, "%nDecision-log queries, %d cores; median / slowest of %d runs, HTTP status%n",
                        Runtime.getRuntime().availableProcessors(), runs);
                System.out.printf(Locale.ROOT, "%-58s %28s %28s%n", "query (caller)", "10,000 decisions",
                        String.format(Locale.ROOT, "%,d decisions", records + 10_000));
                small.forEach((query, result) -> System.out.printf(Locale.ROOT, "%-58s %28s %28s%n", query, result,
                        large.get(query)));
                try (ResultSet size = s.executeQuery("SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid)))"
                        + " FROM pg_inherits WHERE inhparent = 'access_record'::regclass")) {
                    size.next();
                    System.out.println("access_record with its indexes: " + size.getString(1));
                }
            }
        }
    }

    /**
     * {@code count} decisions spread evenly over the 31 days before {@code now}, shaped as production's:
     * 70% own_fleet, 20% freevend, 8% unknown_identifier, 1.9% blocked_identifier, 0.1% stale_agreement;
     * one driver's tag in 300 of them at account {@value #ACCOUNT}.
     */
    private static void load(Statement s, long count, Instant now, String driverHash) throws Exception {
        long started = System.nanoTime();
        int chargers = ACCOUNTS * CHARGERS_PER_ACCOUNT;
        s.execute("INSERT INTO charger_account (charger_id, account_id) SELECT 'CP-' || a || '-' || c, 'acc-' || a"
                + " FROM generate_series(0, " + (ACCOUNTS - 1) + ") a, generate_series(0, " + (CHARGERS_PER_ACCOUNT - 1)
                + ") c ON CONFLICT DO NOTHING");
        String reason = "CASE WHEN i % 1000 = 7 THEN 'stale_agreement' WHEN i % 1000 < 19 THEN 'blocked_identifier'"
                + " WHEN i % 100 < 10 THEN 'unknown_identifier' WHEN i % 100 < 30 THEN 'freevend' ELSE 'own_fleet' END";
        s.execute("INSERT INTO access_record (record_id, occurred_at, kind, event_source, charger_id, account_id, depot_id,"
                + " decision_id, connector_id, protocol, id_hash, id_mask, id_token_type, decision, protocol_status,"
                + " reason, access_mode, policy_source, policy_version)"
                + " SELECT u::text, '" + now + "'::timestamptz - (i * (interval '31 days' / " + count + ")), 'decision',"
                + " '/authorisation-service', 'CP-' || (i % " + ACCOUNTS + ") || '-' || (i / " + ACCOUNTS + " % "
                + CHARGERS_PER_ACCOUNT + "), 'acc-' || (i % " + ACCOUNTS + "), 'depot-' || (i % " + ACCOUNTS + "), u, 1,"
                + " 'ocpp1.6', CASE WHEN i % " + Math.max(1, count / 300) + " = 7 THEN '" + driverHash
                + "' ELSE md5((i % " + (chargers * 40) + ")::text) || md5((i % " + (chargers * 40) + " + 1)::text) END,"
                + " 'RFID ****' || lpad((i % 10000)::text, 4, '0'), 'ISO14443', r.decision, r.status, r.reason,"
                + " 'managed_access', 'schedule', 1"
                + " FROM (SELECT i, gen_random_uuid() AS u, " + reason + " AS reason FROM generate_series(1, " + count + ") i) g,"
                + " LATERAL (SELECT CASE WHEN g.reason IN ('own_fleet', 'freevend') THEN 'allowed' ELSE 'denied' END AS decision,"
                + " CASE WHEN g.reason IN ('own_fleet', 'freevend') THEN 'Accepted' WHEN g.reason = 'stale_agreement'"
                + " THEN 'Expired' WHEN g.reason = 'blocked_identifier' THEN 'Blocked' ELSE 'Invalid' END AS status,"
                + " g.reason) r");
        s.execute("ANALYZE access_record");
        System.out.printf(Locale.ROOT, "loaded %,d decisions in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    /** Every query of the table, {@link #runs} times after one unmeasured run; "median / slowest ms (status)". */
    private Map<String, String> measure(ServiceProcess log, String viewer, String machine, Instant now) throws Exception {
        String day = "from=" + enc(now.minus(1, ChronoUnit.DAYS)) + "&to=" + enc(now.plusSeconds(1));
        String month = "from=" + enc(now.minus(31, ChronoUnit.DAYS)) + "&to=" + enc(now.plusSeconds(1));
        Map<String, String[]> queries = new LinkedHashMap<>();
        queries.put("newest 50 (viewer)", new String[] {viewer, "/api/v1/access-decisions"});
        queries.put("newest 50 denied (viewer)", new String[] {viewer, "/api/v1/access-decisions?decision=denied"});
        queries.put("newest 50 stale_agreement, rare (viewer)",
                new String[] {viewer, "/api/v1/access-decisions?reason=stale_agreement"});
        queries.put("one driver by raw idToken (viewer)",
                new String[] {viewer, "/api/v1/access-decisions?idToken=" + DRIVER_TAG});
        queries.put("one charger's timeline (viewer)", new String[] {viewer, "/api/v1/chargers/CP-7-3/access-timeline"});
        queries.put("one depot, 31 days, 500 (viewer)",
                new String[] {viewer, "/api/v1/access-decisions?depotId=depot-7&limit=500&" + month});
        queries.put("summary by reason, last day (viewer)", new String[] {viewer, "/api/v1/access-decisions/summary"});
        queries.put("summary by charger, 31 days (viewer)",
                new String[] {viewer, "/api/v1/access-decisions/summary?groupBy=charger&" + month});
        queries.put("newest 50, all accounts (m2m)", new String[] {machine, "/api/v1/access-decisions"});
        queries.put("newest 50 stale_agreement, all (m2m)",
                new String[] {machine, "/api/v1/access-decisions?reason=stale_agreement"});
        queries.put("summary by reason, last day, all (m2m)",
                new String[] {machine, "/api/v1/access-decisions/summary?" + day});
        queries.put("summary by hour, 31 days, all (m2m)",
                new String[] {machine, "/api/v1/access-decisions/summary?groupBy=hour&" + month});
        Map<String, String> results = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> query : queries.entrySet()) {
            String token = query.getValue()[0];
            String path = query.getValue()[1];
            get(log, token, path);
            List<Double> millis = new ArrayList<>();
            int status = 0;
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                status = get(log, token, path);
                millis.add((System.nanoTime() - started) / 1e6);
            }
            millis.sort(null);
            results.put(query.getKey(), String.format(Locale.ROOT, "%.1f / %.1f ms (%d)", millis.get(millis.size() / 2),
                    millis.get(millis.size() - 1), status));
        }
        return results;
    }

    private int get(ServiceProcess log, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(log.httpUrl() + path)).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String enc(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    /** The idHash the services store for an OCPP 1.6 idTag that is already normalised (upper-case hex). */
    private static String hmac(String pepper, String normalised) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    }
}
