-- The modeUntil last published in expected_mode_changed (the first change of the access mode
-- itself). A policy write can move it without changing (mode, source, window) or the next
-- boundary, e.g. by editing a later window of the same mode; comparing with what was published
-- tells whether consumers must hear of it. NULL: none within the engine's horizon, or a state
-- stored before this column existed (then the next write or boundary publishes it).
ALTER TABLE schedule_state ADD COLUMN mode_until timestamptz;
