-- The primary key leads with the time (docs/decision-log-service.md, "Indexes").
--
-- V1 keyed records by (record_id, occurred_at) and kept a second index on (occurred_at DESC,
-- record_id DESC) for the newest-first listing. Every insert paid for both, and the first put a
-- random UUID at a random leaf page of a large index (a full-page image in the WAL after each
-- checkpoint for most of them). One key on (occurred_at, record_id) does both jobs: it still
-- makes a redelivered record a no-op (ON CONFLICT names the same two columns), a backward scan of
-- it is the newest-first keyset order, and new records land at its right-hand edge.
--
-- Rebuilding the key locks the table and reads every partition once; on a large log run it in
-- a maintenance window (docs/runbook.md, "Upgrading").

ALTER TABLE access_record DROP CONSTRAINT access_record_pk;
ALTER TABLE access_record ADD CONSTRAINT access_record_pk PRIMARY KEY (occurred_at, record_id);
DROP INDEX access_record_time_idx;
