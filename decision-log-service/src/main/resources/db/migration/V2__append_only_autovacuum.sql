-- Autovacuum for append-only month partitions (docs/decision-log-service.md, "Vacuum").
--
-- Records are only ever inserted, so a partition has no dead rows to clean. PostgreSQL's defaults
-- still vacuum a table after every 1,000 + 20% inserts and analyse it after every 50 + 10%
-- changes: a young partition (the current month starts empty every month) is vacuumed and
-- analysed every few seconds under Authorize load. Each run is a burst of CPU and WAL on the
-- database that the ingest path shares; on the benchmark's 2 cores it showed as 100-300 ms
-- latency spikes of Authorize itself (docs/benchmarks.md). Here both run only after a million
-- inserts (plus the same 20% / 10%), which a busy month still reaches; anti-wraparound vacuums
-- (autovacuum_freeze_max_age) are not affected by these settings and still run when due.

CREATE FUNCTION decision_log_tune_partition(p_name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I SET (autovacuum_vacuum_insert_threshold = 1000000, '
                   'autovacuum_analyze_threshold = 1000000)', p_name);
END;
$$;

REVOKE ALL ON FUNCTION decision_log_tune_partition(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION decision_log_ensure_partition(p_month date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_first date := date_trunc('month', p_month::timestamp)::date;
    v_name text := decision_log_partition_name(v_first);
    v_from timestamptz := (v_first::timestamp AT TIME ZONE 'UTC');
    v_to timestamptz := ((v_first + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    v_default_rows boolean := false;
BEGIN
    -- one maintenance run at a time across replicas
    PERFORM pg_advisory_xact_lock(hashtext('decision_log_partition_maintenance'));
    IF to_regclass(v_name) IS NOT NULL THEN
        RETURN 'exists';
    END IF;
    IF to_regclass('access_record_default') IS NOT NULL THEN
        EXECUTE 'SELECT EXISTS (SELECT 1 FROM access_record_default WHERE occurred_at >= $1 AND occurred_at < $2)'
            INTO v_default_rows USING v_from, v_to;
    END IF;
    IF v_default_rows THEN
        -- detach the default first, or creating the partition fails on its rows
        ALTER TABLE access_record DETACH PARTITION access_record_default;
        ALTER TABLE access_record_default RENAME TO access_record_default_old;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF access_record FOR VALUES FROM (%L) TO (%L)', v_name, v_from, v_to);
    EXECUTE format('CREATE TRIGGER access_record_no_truncate BEFORE TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION access_record_refuse_change()', v_name);
    PERFORM decision_log_tune_partition(v_name);
    IF v_default_rows THEN
        PERFORM decision_log_create_default_partition();
        INSERT INTO access_record SELECT * FROM access_record_default_old;
        DROP TABLE access_record_default_old;
    END IF;
    RETURN 'created';
END;
$$;

CREATE OR REPLACE FUNCTION decision_log_create_default_partition() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF to_regclass('access_record_default') IS NULL THEN
        CREATE TABLE access_record_default PARTITION OF access_record DEFAULT;
        CREATE TRIGGER access_record_no_truncate BEFORE TRUNCATE ON access_record_default
            FOR EACH STATEMENT EXECUTE FUNCTION access_record_refuse_change();
        PERFORM decision_log_tune_partition('access_record_default');
    END IF;
END;
$$;

-- Partitions that exist already, and the default partition.
SELECT decision_log_tune_partition(partition_name) FROM decision_log_partitions();
DO $$
BEGIN
    IF to_regclass('access_record_default') IS NOT NULL THEN
        PERFORM decision_log_tune_partition('access_record_default');
    END IF;
END;
$$;
