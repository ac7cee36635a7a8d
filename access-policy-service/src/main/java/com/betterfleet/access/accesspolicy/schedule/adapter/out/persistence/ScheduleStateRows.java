package com.betterfleet.access.accesspolicy.schedule.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.betterfleet.access.accesspolicy.schedule.application.TrackedState;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.PolicySource;

import io.vertx.mutiny.sqlclient.Row;

/** Reads schedule_state columns (mode, source, window_id, policy_version, since, next_boundary_at, mode_until). */
public final class ScheduleStateRows {
    public static final String COLUMNS =
            "s.mode, s.source, s.window_id, s.policy_version, s.since, s.next_boundary_at, s.mode_until";

    private ScheduleStateRows() {
    }

    public static TrackedState state(Row row) {
        return new TrackedState(AccessMode.fromWire(row.getString("mode")), PolicySource.fromWire(row.getString("source")),
                row.getString("window_id"), row.getLong("policy_version"), row.getOffsetDateTime("since").toInstant(),
                instant(row.getOffsetDateTime("next_boundary_at")), instant(row.getOffsetDateTime("mode_until")));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
