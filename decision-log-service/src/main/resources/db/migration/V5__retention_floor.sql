-- A minimum retention the database enforces (docs/decision-log-service.md, "Retention").
--
-- decision_log_drop_expired_partitions runs as the owner (SECURITY DEFINER) and decision_log_app may
-- call it, so until now it dropped whatever the caller's cutoff named: the application role could
-- empty the log with SELECT decision_log_drop_expired_partitions('infinity'), and a replica whose
-- clock ran ahead dropped months it should keep. Append-only then held only as long as the
-- application was trusted, which is what the triggers and grants are there not to need.
--
-- From now on the function refuses (SQLSTATE 42501, insufficient_privilege) a cutoff later than the
-- start of the current UTC month, by the database's clock, minus min_retention_months. The floor
-- lives in decision_log_settings, which only the owner can read or change: the application cannot
-- lower it. It starts at 24 months, the service's default access.decision-log.retention-months and
-- the retention the storage sizing assumes, so the default configuration drops exactly what it did
-- before and nothing the documented retention keeps can be dropped by the application role.
-- Keeping records longer needs no change (an earlier cutoff is always allowed). Keeping them for
-- less is a decision about an audit log: the owner lowers the floor first
-- (UPDATE decision_log_settings SET min_retention_months = 12), then the service setting.

CREATE TABLE decision_log_settings (
    singleton             boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    min_retention_months  integer NOT NULL CHECK (min_retention_months BETWEEN 1 AND 1200),
    changed_at            timestamptz NOT NULL DEFAULT clock_timestamp()
);

COMMENT ON TABLE decision_log_settings IS
    'Owner-only settings of the decision log. min_retention_months: decision_log_drop_expired_partitions refuses a '
    'cutoff later than the current UTC month start minus this many months, whoever calls it.';

INSERT INTO decision_log_settings (min_retention_months) VALUES (24);

REVOKE ALL ON decision_log_settings FROM PUBLIC;

CREATE OR REPLACE FUNCTION decision_log_drop_expired_partitions(p_cutoff timestamptz) RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_partition record;
    v_expired_default boolean := false;
    v_floor_months integer;
    v_latest timestamptz;
BEGIN
    SELECT min_retention_months INTO v_floor_months FROM decision_log_settings;
    IF v_floor_months IS NULL THEN
        -- the row was removed: keep everything rather than trust the caller
        RAISE EXCEPTION 'retention refused: decision_log_settings holds no minimum retention'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    v_latest := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => v_floor_months))
                AT TIME ZONE 'UTC';
    IF p_cutoff IS NULL OR p_cutoff > v_latest THEN
        RAISE EXCEPTION 'retention refused: cutoff % is later than % (minimum retention % months)',
                p_cutoff, v_latest, v_floor_months
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Records younger than decision_log_settings.min_retention_months are kept whatever the caller asks; '
                         'the owner may lower it.';
    END IF;
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
