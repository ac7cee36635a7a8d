-- access-policy-service schema (decisions.md sections 2 and 3). Instants are timestamptz (UTC);
-- a policy's IANA zone says how its local-time windows are read.

-- One row per charger under scheduled access. windows is the wire form of contracts.md
-- ({id, daysOfWeek, start, end, mode, validFrom?, validUntil?, exceptDates?}).
CREATE TABLE access_policy (
    charger_id      text        PRIMARY KEY,
    account_id      text        NOT NULL,
    depot_id        text,
    time_zone       text        NOT NULL,
    default_mode    text        NOT NULL CHECK (default_mode IN ('freevend', 'managed_access')),
    windows         jsonb       NOT NULL DEFAULT '[]',
    override_mode   text        CHECK (override_mode IN ('freevend', 'managed_access')),
    override_until  timestamptz,
    override_reason text,
    version         bigint      NOT NULL CHECK (version >= 1),
    updated_at      timestamptz NOT NULL,
    CHECK ((override_mode IS NULL) = (override_until IS NULL))
);
CREATE INDEX access_policy_account ON access_policy (account_id, depot_id, charger_id);

-- The last version of a deleted policy, so that a policy created again for the same charger
-- continues the version sequence consumers apply in order (policy_changed {deleted: true}).
CREATE TABLE access_policy_tombstone (
    charger_id text        PRIMARY KEY,
    account_id text        NOT NULL,
    version    bigint      NOT NULL,
    deleted_at timestamptz NOT NULL
);

-- What the charger can do: reported protocol and family, derived state and machine-readable reasons.
CREATE TABLE charger_capability (
    charger_id         text        PRIMARY KEY,
    account_id         text        NOT NULL,
    protocol           text        NOT NULL CHECK (protocol IN ('ocpp1.6', 'ocpp2.0.1')),
    family             text,
    gateway_authorises boolean     NOT NULL,
    key_results        jsonb       NOT NULL DEFAULT '[]',
    state              text        NOT NULL CHECK (state IN ('fully_supported', 'partially_supported', 'unsupported')),
    reasons            jsonb       NOT NULL DEFAULT '[]',
    updated_at         timestamptz NOT NULL
);
CREATE INDEX charger_capability_account ON charger_capability (account_id, charger_id);

-- The expected mode last published per charger and when it next has to be looked at: the boundary
-- ticker's work list. An idle tick is one probe of schedule_state_due, whatever the charger count.
CREATE TABLE schedule_state (
    charger_id       text        PRIMARY KEY REFERENCES access_policy (charger_id) ON DELETE CASCADE,
    mode             text        NOT NULL CHECK (mode IN ('freevend', 'managed_access')),
    source           text        NOT NULL CHECK (source IN ('schedule', 'override', 'default', 'none')),
    window_id        text,
    policy_version   bigint      NOT NULL,
    since            timestamptz NOT NULL,
    next_boundary_at timestamptz,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX schedule_state_due ON schedule_state (next_boundary_at) WHERE next_boundary_at IS NOT NULL;

-- Transactional outbox: written in the transaction of the change it announces, relayed to the
-- broker in id order, deleted once the broker has settled the message.
CREATE TABLE outbox (
    id         bigserial   PRIMARY KEY,
    event_id   uuid        NOT NULL,
    event_type text        NOT NULL,
    charger_id text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
