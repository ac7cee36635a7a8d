-- The two format checks of V1 without regular expressions: same rules, a fraction of the cost.
--
-- A profile of PostgreSQL under Authorize load (perf, docs/benchmarks.md) put a fifth of its CPU in
-- the regular-expression engine (miss, getvacant): PostgreSQL builds the automaton's states again
-- for every row it checks, and a counted repetition such as {64} makes many of them. Checking the
-- length and that nothing is left once the allowed characters are trimmed accepts and refuses
-- exactly the same values (anything with a character outside the set leaves a remainder).
--
-- NOT VALID: every row already stored passed the V1 check, which accepts the same values, so there is
-- nothing to re-check; rows inserted from now on are checked. Without it the migration would read
-- every partition under a lock that stops ingestion.

ALTER TABLE access_record DROP CONSTRAINT access_record_kind_format;
ALTER TABLE access_record ADD CONSTRAINT access_record_kind_format CHECK (
    octet_length(kind) BETWEEN 1 AND 64
    AND ltrim(kind, 'abcdefghijklmnopqrstuvwxyz0123456789_') = ''
    AND ltrim(left(kind, 1), 'abcdefghijklmnopqrstuvwxyz') = '') NOT VALID;

-- privacy guard: only a hex HMAC-SHA256 ever goes into id_hash, never a raw identifier
ALTER TABLE access_record DROP CONSTRAINT access_record_id_hash_format;
ALTER TABLE access_record ADD CONSTRAINT access_record_id_hash_format CHECK (
    id_hash IS NULL OR (octet_length(id_hash) = 64 AND ltrim(id_hash, '0123456789abcdef') = '')) NOT VALID;
