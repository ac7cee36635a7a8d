package com.betterfleet.access.accesspolicy.schedule.adapter.out.persistence;

import com.betterfleet.access.accesspolicy.schedule.application.TrackedState;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.PolicySource;

import io.vertx.mutiny.sqlclient.Row;

/** Reads schedule_state columns (mode, source, window_id, policy_version, since, next_boundary_at). */
public final class ScheduleStateRows {
    public static final String COLUMNS = "s.mode, s.source, s.window_id, s.policy_version, s.since, s.next_boundary_at";

    private ScheduleStateRows() {
    }

    public static TrackedState state(Row row) {
        var next = row.getOffsetDateTime("next_boundary_at");
        return new TrackedState(AccessMode.fromWire(row.getString("mode")), PolicySource.fromWire(row.getString("source")),
                row.getString("window_id"), row.getLong("policy_version"), row.getOffsetDateTime("since").toInstant(),
                next == null ? null : next.toInstant());
    }
}
