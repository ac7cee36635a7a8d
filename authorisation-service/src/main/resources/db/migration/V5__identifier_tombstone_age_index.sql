-- Tombstones by age, for the hourly purge (TombstonePurge): it removes the oldest first, in
-- bounded batches, and must not read the whole registry to find them. Partial: live identifiers,
-- almost all rows, are not in it.
CREATE INDEX identifier_tombstone_age_idx ON identifier (updated_at) WHERE deleted;
