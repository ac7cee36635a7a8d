-- modeUntil of charger_access.expected_mode_changed: the first change of the access mode itself,
-- which can be later than the event's until (stored in mode_until), the next boundary of any kind.
-- mode_change_announced tells "no change of mode ahead" (true, mode_change_at NULL) from an event of
-- an older producer without the field (false), for which mode_until stays the end of the mode.
-- Rows written before this migration are such events: false.
ALTER TABLE charger_state
    ADD COLUMN mode_change_announced boolean NOT NULL DEFAULT false,
    ADD COLUMN mode_change_at        timestamptz,
    ADD CONSTRAINT charger_state_mode_change_announced
        CHECK (mode_change_announced OR mode_change_at IS NULL);
-- No check tying these columns to mode: a replica of the previous release, still running during a
-- rolling upgrade, clears mode (policy deleted) without knowing them, and its write must not fail.
