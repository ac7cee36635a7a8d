-- When access-policy-service announced the charger's current expected mode (the CloudEvent time of
-- its expected_mode_changed). The same mode (same policy version and effective time) is announced
-- again when only its end moves, e.g. when the engine's horizon rolls forward to the next change of
-- mode; the later announcement wins (ExpectedMode.isNewerThan). Null on rows written before this
-- column: any later announcement then replaces them. Additive and nullable, so replicas of the
-- previous release keep writing (they leave it null, which orders as "unknown").
ALTER TABLE charger_state ADD COLUMN mode_announced_at timestamptz;
