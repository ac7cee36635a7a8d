-- Expected vs observed access mode per charger. Filled by the mode-apply use cases (issue: mode apply).
CREATE TABLE charger_mode_state (
    charger_id     text PRIMARY KEY,
    account_id     text        NOT NULL,
    expected_mode  text        NOT NULL CHECK (expected_mode IN ('freevend', 'managed_access')),
    observed_mode  text        CHECK (observed_mode IN ('freevend', 'managed_access')),
    sync_status    text        NOT NULL CHECK (sync_status IN ('in_sync', 'pending', 'pending_reboot', 'unconfirmed', 'out_of_sync', 'unsupported')),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
