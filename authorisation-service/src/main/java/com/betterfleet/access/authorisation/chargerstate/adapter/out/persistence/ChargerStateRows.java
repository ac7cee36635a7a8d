package com.betterfleet.access.authorisation.chargerstate.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.chargerstate.domain.ExpectedMode;
import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.chargerstate.domain.PolicySource;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Maps {@code charger_state} rows to and from {@link ChargerState}. {@code mode_until} holds the
 * event's {@code until}; its {@code modeUntil} is {@code mode_change_at}, with
 * {@code mode_change_announced} telling a null value from an event that did not carry it;
 * {@code mode_announced_at} is the event's {@code time} (V4), which orders re-announcements.
 */
public final class ChargerStateRows {
    public static final String COLUMNS = "charger_id, account_id, depot_id, policy_version, policy_deleted, deleted_version, "
            + "mode, mode_effective_at, mode_until, mode_source, mode_window_id, mode_policy_version, protocol, family, "
            + "capability_at, mode_change_announced, mode_change_at, mode_announced_at";

    public static final String UPSERT = "INSERT INTO charger_state (" + COLUMNS + ", updated_at, change_seq) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, now(), "
            + "nextval('state_change_seq')) "
            + "ON CONFLICT (charger_id) DO UPDATE SET account_id = EXCLUDED.account_id, depot_id = EXCLUDED.depot_id, "
            + "policy_version = EXCLUDED.policy_version, policy_deleted = EXCLUDED.policy_deleted, "
            + "deleted_version = EXCLUDED.deleted_version, mode = EXCLUDED.mode, "
            + "mode_effective_at = EXCLUDED.mode_effective_at, mode_until = EXCLUDED.mode_until, "
            + "mode_source = EXCLUDED.mode_source, mode_window_id = EXCLUDED.mode_window_id, "
            + "mode_policy_version = EXCLUDED.mode_policy_version, protocol = EXCLUDED.protocol, family = EXCLUDED.family, "
            + "capability_at = EXCLUDED.capability_at, mode_change_announced = EXCLUDED.mode_change_announced, "
            + "mode_change_at = EXCLUDED.mode_change_at, mode_announced_at = EXCLUDED.mode_announced_at, "
            + "updated_at = EXCLUDED.updated_at, "
            + "change_seq = EXCLUDED.change_seq";

    private ChargerStateRows() {
    }

    public static ChargerState fromRow(Row row) {
        ExpectedMode mode = null;
        String modeName = row.getString("mode");
        if (modeName != null) {
            mode = new ExpectedMode(AccessMode.fromWire(modeName).orElseThrow(), instant(row, "mode_effective_at"),
                    instant(row, "mode_until"), PolicySource.fromWire(row.getString("mode_source")).orElseThrow(),
                    row.getString("mode_window_id"), row.getLong("mode_policy_version"),
                    row.getBoolean("mode_change_announced"), instant(row, "mode_change_at"),
                    instant(row, "mode_announced_at"));
        }
        String protocol = row.getString("protocol");
        return new ChargerState(row.getString("charger_id"), row.getString("account_id"), row.getString("depot_id"),
                row.getLong("policy_version"), row.getBoolean("policy_deleted"), row.getLong("deleted_version"), mode,
                protocol == null ? null : OcppProtocol.fromWire(protocol).orElseThrow(), row.getString("family"),
                instant(row, "capability_at"));
    }

    public static Tuple toTuple(ChargerState s) {
        ExpectedMode m = s.expectedMode();
        return Tuple.from(new Object[] {
                s.chargerId(), s.accountId(), s.depotId(), s.policyVersion(), s.policyDeleted(), s.deletedVersion(),
                m == null ? null : m.mode().wire(),
                m == null ? null : offset(m.effectiveAt()),
                m == null ? null : offset(m.until()),
                m == null ? null : m.source().wire(),
                m == null ? null : m.windowId(),
                m == null ? null : m.policyVersion(),
                s.protocol() == null ? null : s.protocol().wire(),
                s.family(),
                offset(s.capabilityAt()),
                m != null && m.modeUntilAnnounced(),
                m == null ? null : offset(m.modeUntil()),
                m == null ? null : offset(m.announcedAt()) });
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
