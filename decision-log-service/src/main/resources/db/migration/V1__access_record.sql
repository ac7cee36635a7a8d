-- decision-log-service schema (docs/decision-log-service.md, ADR 0005).
--
-- One append-only, month-partitioned table holds every record kind: access decisions (typed
-- columns of decisions.md section 6) and the other charger_access.* events of the charger
-- timeline (kind + CloudEvent data as jsonb). Records never change: UPDATE, DELETE and TRUNCATE
-- are refused by triggers; the only way records ever leave is retention, which detaches and
-- drops whole expired month partitions (partition-level DDL fires no row triggers).

CREATE TABLE access_record (
    record_id        text COLLATE "C" NOT NULL,  -- decisionId for decisions, CloudEvent id otherwise
    occurred_at      timestamptz      NOT NULL,  -- decision: occurredAt; other kinds: CloudEvent time
    kind             text COLLATE "C" NOT NULL,  -- decision | expected_mode_changed | mode_change_* | policy_changed | capability_changed | ...
    recorded_at      timestamptz      NOT NULL DEFAULT clock_timestamp(),
    event_source     text,                       -- CloudEvent source, e.g. /authorisation-service
    charger_id       text             NOT NULL,
    account_id       text,
    depot_id         text,
    -- decision columns (kind = 'decision' only)
    decision_id      uuid,
    connector_id     integer,
    protocol         text,
    id_hash          text,
    id_mask          text,
    id_token_type    text,
    access_class     text,
    vehicle_id       text,
    agreement_id     text,
    decision         text,
    protocol_status  text,
    reason           text,
    access_mode      text,
    policy_source    text,
    window_id        text,
    policy_version   bigint,
    expiry_date      timestamptz,
    -- other kinds: the CloudEvent data object as received
    payload          jsonb,
    CONSTRAINT access_record_pk PRIMARY KEY (record_id, occurred_at),
    CONSTRAINT access_record_kind_format CHECK (kind ~ '^[a-z][a-z0-9_]{0,63}$'),
    CONSTRAINT access_record_decision_complete CHECK (
        kind <> 'decision' OR (
            decision_id IS NOT NULL AND record_id = decision_id::text
            AND protocol IS NOT NULL AND id_hash IS NOT NULL AND id_mask IS NOT NULL
            AND id_token_type IS NOT NULL AND decision IN ('allowed', 'denied')
            AND protocol_status IS NOT NULL AND reason IS NOT NULL
            AND access_mode IS NOT NULL AND policy_source IS NOT NULL)),
    CONSTRAINT access_record_timeline_payload CHECK (kind = 'decision' OR payload IS NOT NULL),
    -- privacy guard: only a hex HMAC-SHA256 ever goes into id_hash, never a raw identifier
    CONSTRAINT access_record_id_hash_format CHECK (id_hash IS NULL OR id_hash ~ '^[0-9a-f]{64}$')
) PARTITION BY RANGE (occurred_at);

COMMENT ON TABLE access_record IS
    'Append-only access decisions and charger timeline events, range-partitioned by month (UTC) on occurred_at. '
    'UPDATE/DELETE/TRUNCATE are refused; retention drops whole month partitions (decision_log_drop_expired_partitions).';

-- Indexes (created on every partition). Newest-first keyset order is (occurred_at DESC, record_id DESC).
CREATE INDEX access_record_time_idx    ON access_record (occurred_at DESC, record_id DESC);
CREATE INDEX access_record_charger_idx ON access_record (charger_id, occurred_at DESC, record_id DESC);
CREATE INDEX access_record_account_idx ON access_record (account_id, occurred_at DESC, record_id DESC);
CREATE INDEX access_record_id_hash_idx ON access_record (id_hash, occurred_at DESC) WHERE id_hash IS NOT NULL;
CREATE INDEX access_record_reason_idx  ON access_record (reason, occurred_at DESC) WHERE kind = 'decision';
CREATE INDEX access_record_depot_idx   ON access_record (depot_id, occurred_at DESC) WHERE depot_id IS NOT NULL;

-- Which account a charger's records belong to: answers "is this charger visible to this caller"
-- (another account's charger is a 404) with one index probe instead of scanning the charger's
-- records. account_id '' = records without an account. Grows with chargers, not with records.
CREATE TABLE charger_account (
    charger_id   text NOT NULL,
    account_id   text NOT NULL,
    first_seen   timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT charger_account_pk PRIMARY KEY (charger_id, account_id)
);

-- Append-only enforcement --------------------------------------------------------------------
CREATE FUNCTION access_record_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access records are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Records leave only through retention (decision_log_drop_expired_partitions).';
END;
$$;

-- Row triggers on the partitioned table are cloned onto every partition, present and future.
CREATE TRIGGER access_record_no_update_delete
    BEFORE UPDATE OR DELETE ON access_record
    FOR EACH ROW EXECUTE FUNCTION access_record_refuse_change();
-- Statement triggers are not cloned: decision_log_ensure_partition adds this one to each partition.
CREATE TRIGGER access_record_no_truncate
    BEFORE TRUNCATE ON access_record
    FOR EACH STATEMENT EXECUTE FUNCTION access_record_refuse_change();

-- Partition maintenance ----------------------------------------------------------------------
-- Partitions are named access_record_pYYYYMM and cover one UTC calendar month.

CREATE FUNCTION decision_log_partition_name(p_month date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT 'access_record_p' || to_char(p_month, 'YYYYMM');
$$;

-- Creates and protects a default partition (rows no month partition covers).
CREATE FUNCTION decision_log_create_default_partition() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF to_regclass('access_record_default') IS NULL THEN
        CREATE TABLE access_record_default PARTITION OF access_record DEFAULT;
        CREATE TRIGGER access_record_no_truncate BEFORE TRUNCATE ON access_record_default
            FOR EACH STATEMENT EXECUTE FUNCTION access_record_refuse_change();
    END IF;
END;
$$;

-- Replaces the default partition by a fresh one and re-inserts its rows through the parent, so
-- that rows now covered by a month partition move there. Rows older than p_keep_from (retention
-- cutoff) are not carried over. Rows never get UPDATEd or DELETEd: the old default is dropped.
-- Returns the number of rows left behind (expired).
CREATE FUNCTION decision_log_rebuild_default_partition(p_keep_from timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_total bigint;
    v_kept bigint;
BEGIN
    IF to_regclass('access_record_default') IS NULL THEN
        PERFORM decision_log_create_default_partition();
        RETURN 0;
    END IF;
    ALTER TABLE access_record DETACH PARTITION access_record_default;
    ALTER TABLE access_record_default RENAME TO access_record_default_old;
    PERFORM decision_log_create_default_partition();
    SELECT count(*) INTO v_total FROM access_record_default_old;
    INSERT INTO access_record SELECT * FROM access_record_default_old
        WHERE p_keep_from IS NULL OR occurred_at >= p_keep_from;
    GET DIAGNOSTICS v_kept = ROW_COUNT;
    DROP TABLE access_record_default_old;
    RETURN v_total - v_kept;
END;
$$;

-- Creates the partition of the UTC month containing p_month if it does not exist.
-- Returns 'created' or 'exists'. If the default partition holds rows of that month, they are
-- moved into the new partition (decision_log_rebuild_default_partition).
CREATE FUNCTION decision_log_ensure_partition(p_month date) RETURNS text
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
    IF v_default_rows THEN
        PERFORM decision_log_create_default_partition();
        INSERT INTO access_record SELECT * FROM access_record_default_old;
        DROP TABLE access_record_default_old;
    END IF;
    RETURN 'created';
END;
$$;

-- Month partitions of access_record with their range (for maintenance and monitoring).
CREATE FUNCTION decision_log_partitions()
RETURNS TABLE (partition_name text, month date, range_from timestamptz, range_to timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT c.relname::text,
           to_date(substring(c.relname from '^access_record_p([0-9]{6})$'), 'YYYYMM'),
           (to_date(substring(c.relname from '^access_record_p([0-9]{6})$'), 'YYYYMM')::timestamp AT TIME ZONE 'UTC'),
           ((to_date(substring(c.relname from '^access_record_p([0-9]{6})$'), 'YYYYMM') + interval '1 month')::timestamp AT TIME ZONE 'UTC')
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'access_record'::regclass
       AND c.relname ~ '^access_record_p[0-9]{6}$'
     ORDER BY 2;
$$;

-- Retention: detaches and drops every month partition that ends at or before p_cutoff, and
-- drops default-partition rows older than p_cutoff. Returns the names of dropped partitions.
-- This is the only path by which records leave the log; the row triggers do not (and cannot)
-- block it because DETACH/DROP are partition-level DDL, not row operations.
CREATE FUNCTION decision_log_drop_expired_partitions(p_cutoff timestamptz) RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_partition record;
    v_expired_default boolean := false;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('decision_log_partition_maintenance'));
    FOR v_partition IN SELECT * FROM decision_log_partitions() WHERE range_to <= p_cutoff LOOP
        EXECUTE format('ALTER TABLE access_record DETACH PARTITION %I', v_partition.partition_name);
        EXECUTE format('DROP TABLE %I', v_partition.partition_name);
        RETURN NEXT v_partition.partition_name;
    END LOOP;
    IF to_regclass('access_record_default') IS NOT NULL THEN
        SELECT EXISTS (SELECT 1 FROM access_record_default WHERE occurred_at < p_cutoff) INTO v_expired_default;
        IF v_expired_default THEN
            PERFORM decision_log_rebuild_default_partition(p_cutoff);
            RETURN NEXT 'access_record_default (expired rows)';
        END IF;
    END IF;
END;
$$;

SELECT decision_log_create_default_partition();
SELECT decision_log_ensure_partition(((now() AT TIME ZONE 'UTC')::date + make_interval(months => n))::date)
  FROM generate_series(-1, 3) AS n;

-- Privileges -----------------------------------------------------------------------------------
-- The application role may only read and append. Flyway (the owner) holds DDL; the maintenance
-- functions run as their owner (SECURITY DEFINER), so the application can call them without
-- holding DDL rights. Creating the role needs CREATEROLE; without it the migration goes on
-- and the operator creates the role (docs/decision-log-service.md, Privileges).
REVOKE ALL ON access_record, charger_account FROM PUBLIC;
REVOKE ALL ON FUNCTION decision_log_create_default_partition(), decision_log_rebuild_default_partition(timestamptz),
    decision_log_ensure_partition(date), decision_log_partitions(), decision_log_drop_expired_partitions(timestamptz)
    FROM PUBLIC;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'decision_log_app') THEN
        CREATE ROLE decision_log_app NOLOGIN;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'role decision_log_app not created (no CREATEROLE); create it and re-run the grants';
END;
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'decision_log_app') THEN
        GRANT SELECT, INSERT ON access_record TO decision_log_app;
        GRANT SELECT, INSERT ON charger_account TO decision_log_app;
        GRANT EXECUTE ON FUNCTION decision_log_ensure_partition(date), decision_log_partitions(),
            decision_log_drop_expired_partitions(timestamptz) TO decision_log_app;
    END IF;
END;
$$;
