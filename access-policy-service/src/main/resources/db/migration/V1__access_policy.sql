-- Charger access policies (decisions.md section 2). Times are stored in UTC; the policy's IANA
-- zone says how its local-time windows are read.
CREATE TABLE access_policy (
    charger_id    text PRIMARY KEY,
    account_id    text        NOT NULL,
    depot_id      text,
    time_zone     text        NOT NULL,
    default_mode  text        NOT NULL CHECK (default_mode IN ('freevend', 'managed_access')),
    windows       jsonb       NOT NULL DEFAULT '[]',
    override_mode text        CHECK (override_mode IN ('freevend', 'managed_access')),
    override_until timestamptz,
    override_reason text,
    version       bigint      NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_policy_account ON access_policy (account_id, depot_id);
