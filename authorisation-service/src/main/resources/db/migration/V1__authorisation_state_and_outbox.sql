-- authorisation-service: identifier registry, charger state view, decision outbox.
-- Raw identifiers are never stored: only id_hash (HMAC-SHA256 with a secret pepper) and id_mask.

-- One sequence stamps every state change. Writers hold pg_advisory_xact_lock(<constant>) while they
-- take numbers from it and until they commit, so sequence order is commit order and a replica that
-- read everything up to N has missed nothing below N (ADR 0004).
CREATE SEQUENCE state_change_seq AS bigint;

CREATE TABLE identifier (
    account_id    text        NOT NULL CHECK (length(account_id) BETWEEN 1 AND 64),
    id_hash       text        NOT NULL CHECK (id_hash ~ '^[0-9a-f]{64}$'),
    id_mask       text        NOT NULL CHECK (length(id_mask) <= 40),
    id_token_type text        NOT NULL,
    access_class  text        CHECK (access_class IN ('own_fleet', 'agreement')),
    vehicle_id    text,
    agreement_id  text,
    status        text        CHECK (status IN ('active', 'inactive', 'blocked')),
    valid_from    timestamptz,
    valid_until   timestamptz,
    -- A deleted identifier stays as a tombstone so that every replica learns of the delete.
    deleted       boolean     NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    change_seq    bigint      NOT NULL,
    PRIMARY KEY (account_id, id_hash),
    CHECK (deleted OR (access_class IS NOT NULL AND status IS NOT NULL)),
    CHECK (access_class IS DISTINCT FROM 'agreement' OR deleted OR agreement_id IS NOT NULL),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until)
);
CREATE UNIQUE INDEX identifier_change_seq_idx ON identifier (change_seq);
CREATE INDEX identifier_hash_idx ON identifier (id_hash);

CREATE TABLE charger_state (
    charger_id          text        PRIMARY KEY CHECK (length(charger_id) BETWEEN 1 AND 64),
    account_id          text,
    depot_id            text,
    policy_version      bigint      NOT NULL DEFAULT 0,
    policy_deleted      boolean     NOT NULL DEFAULT false,
    -- highest version of a policy_changed with deleted: true (the tombstone)
    deleted_version     bigint      NOT NULL DEFAULT 0,
    mode                text        CHECK (mode IN ('freevend', 'managed_access')),
    mode_effective_at   timestamptz,
    mode_until          timestamptz,
    mode_source         text        CHECK (mode_source IN ('schedule', 'override', 'default', 'none')),
    mode_window_id      text,
    mode_policy_version bigint,
    protocol            text        CHECK (protocol IN ('ocpp1.6', 'ocpp2.0.1')),
    family              text,
    capability_at       timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    change_seq          bigint      NOT NULL,
    CHECK (mode IS NULL OR (mode_effective_at IS NOT NULL AND mode_source IS NOT NULL AND mode_policy_version IS NOT NULL))
);
CREATE UNIQUE INDEX charger_state_change_seq_idx ON charger_state (change_seq);

-- Decisions waiting to be sent to charger-access.decisions. Written by the group commit before the
-- Authorize response goes out; deleted by the relay only after the broker settled the message.
CREATE TABLE decision_outbox (
    decision_id uuid        PRIMARY KEY,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
