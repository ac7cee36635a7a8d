package com.betterfleet.access.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.betterfleet.access.local.EmbeddedPostgresServer;

/**
 * How long decision-log migrations hold their lock on a log of N records: applies the migrations
 * before {@code from} (e.g. V3), loads N decision records spread over the last 180 days (seven monthly partitions), then
 * times {@code from} and every later migration, each in its own transaction, as Flyway runs them.
 * The records are in the page cache, so a cold production table adds the time to read it.
 *
 * <p>{@code java -cp ... com.betterfleet.access.system.MigrationTiming 3000000 V3} (about 3 minutes
 * for 3 million records, 2.7 GB of disk).
 */
public final class MigrationTiming {
    private static final Path REPO = Path.of(System.getProperty("charger-access.repo", "../..")).toAbsolutePath().normalize();
    private static final Path MIGRATIONS = REPO.resolve("decision-log-service/src/main/resources/db/migration");

    private MigrationTiming() {
    }

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        int from = version(args.length > 1 ? args[1] : "V3");
        if (from < 2) {
            throw new IllegalArgumentException("time V2 or later: the records are loaded into V1's table");
        }
        List<Path> migrations;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a.getFileName().toString()), version(b.getFileName().toString())))
                    .toList();
        }
        Path data = Files.createTempDirectory("migration-timing");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data)) {
            time(postgres, migrations, from, records);
        } finally {
            // gigabytes for millions of records
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void time(EmbeddedPostgresServer postgres, List<Path> migrations, int from, long records) throws Exception {
        postgres.createDatabase("decision_log");
        try (Connection c = postgres.connect("decision_log"); Statement s = c.createStatement()) {
            for (Path migration : migrations) {
                if (version(migration.getFileName().toString()) < from) {
                    s.execute(Files.readString(migration));
                }
            }
            load(s, records);
            for (Path migration : migrations) {
                if (version(migration.getFileName().toString()) >= from) {
                    long started = System.nanoTime();
                    c.setAutoCommit(false);
                    s.execute(Files.readString(migration));
                    c.commit();
                    c.setAutoCommit(true);
                    System.out.printf(Locale.ROOT, "%s: %.1f s%n", migration.getFileName(), (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    private static void load(Statement s, long records) throws SQLException {
        for (int month = 0; month < 7; month++) {
            s.execute("SELECT decision_log_ensure_partition((date_trunc('month', now()) - interval '" + month + " month')::date)");
        }
        long started = System.nanoTime();
        // shaped like the Authorize benchmark's decisions: 500 chargers, 20 accounts, random ids
        s.execute("INSERT INTO access_record (record_id, occurred_at, kind, event_source, charger_id, account_id,"
                + " decision_id, connector_id, protocol, id_hash, id_mask, id_token_type, decision, protocol_status,"
                + " reason, access_mode, policy_source, policy_version)"
                + " SELECT u::text, now() - (i * (interval '180 days' / " + records + ")), 'decision', '/authorisation-service',"
                + " 'CP-' || (i % 500), 'acc-' || (i % 20), u, 1, 'ocpp1.6', md5(i::text) || md5((i + 1)::text),"
                + " '04****' || (i % 100), 'ISO14443', 'allowed', 'Accepted', 'own_fleet', 'managed_access', 'schedule', 1"
                + " FROM (SELECT i, gen_random_uuid() AS u FROM generate_series(1, " + records + ") i) g");
        s.execute("VACUUM ANALYZE access_record");
        try (ResultSet size = s.executeQuery("SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid)))"
                + " FROM pg_inherits WHERE inhparent = 'access_record'::regclass")) {
            size.next();
            System.out.printf(Locale.ROOT, "loaded %d records in %.1f s (%s with indexes)%n", records,
                    (System.nanoTime() - started) / 1e9, size.getString(1));
        }
    }

    private static int version(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf('_') < 0 ? name.length() : name.indexOf('_')));
    }
}
