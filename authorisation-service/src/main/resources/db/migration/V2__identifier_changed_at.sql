-- Ordering guard of the identifier registry. The identifier feed is at least once and may redeliver
-- or reorder, so each (account_id, id_hash) remembers when the last change applied to it was made
-- (the item's changedAt; for an item without one, when it was applied): an item that is not newer
-- is skipped as stale. A delete keeps its changedAt on the tombstone, and a delete that finds
-- nothing leaves a tombstone too, so an older upsert arriving late cannot bring the identifier back.
-- Rows written before this migration have no changed_at: the next change to them always applies.
ALTER TABLE identifier ADD COLUMN changed_at timestamptz;

-- A tombstone left by a delete without idTokenType that found nothing has no type.
ALTER TABLE identifier ALTER COLUMN id_token_type DROP NOT NULL;
ALTER TABLE identifier ADD CONSTRAINT identifier_live_has_type CHECK (deleted OR id_token_type IS NOT NULL);
