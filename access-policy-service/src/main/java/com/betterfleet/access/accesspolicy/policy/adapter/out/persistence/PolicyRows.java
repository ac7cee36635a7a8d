package com.betterfleet.access.accesspolicy.policy.adapter.out.persistence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.betterfleet.access.accesspolicy.policy.application.ChargerPolicy;
import com.betterfleet.access.accesspolicy.policy.application.PolicyJson;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessOverride;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessPolicy;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleWindow;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Maps access_policy rows to and from the domain. The windows column holds the wire form
 * ({@link PolicyJson.Window}); it is read by hand, without reflection, because the ticker reads
 * a thousand policies per transaction.
 */
public final class PolicyRows {
    /** The columns {@link #policy(Row)} reads, for SELECT lists. */
    public static final String COLUMNS = "p.charger_id, p.account_id, p.depot_id, p.time_zone, p.default_mode, p.windows,"
            + " p.override_mode, p.override_until, p.override_reason, p.version, p.updated_at";

    private PolicyRows() {
    }

    public static ChargerPolicy policy(Row row) {
        String overrideMode = row.getString("override_mode");
        AccessOverride override = overrideMode == null ? null
                : new AccessOverride(AccessMode.fromWire(overrideMode), instant(row.getOffsetDateTime("override_until")),
                        row.getString("override_reason"));
        AccessPolicy policy = new AccessPolicy(ZoneId.of(row.getString("time_zone")),
                AccessMode.fromWire(row.getString("default_mode")), windows(row.getJsonArray("windows")), override,
                row.getLong("version"));
        return new ChargerPolicy(row.getString("charger_id"), row.getString("account_id"), row.getString("depot_id"),
                policy, instant(row.getOffsetDateTime("updated_at")));
    }

    public static List<ScheduleWindow> windows(JsonArray json) {
        List<ScheduleWindow> windows = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonObject window = json.getJsonObject(i);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (Object day : window.getJsonArray("daysOfWeek")) {
                days.add(DayOfWeek.valueOf((String) day));
            }
            Set<LocalDate> exceptDates = new HashSet<>();
            JsonArray except = window.getJsonArray("exceptDates");
            if (except != null) {
                for (Object date : except) {
                    exceptDates.add(LocalDate.parse((String) date));
                }
            }
            windows.add(new ScheduleWindow(window.getString("id"), days, LocalTime.parse(window.getString("start")),
                    LocalTime.parse(window.getString("end")), AccessMode.fromWire(window.getString("mode")),
                    date(window.getString("validFrom")), date(window.getString("validUntil")), exceptDates));
        }
        return windows;
    }

    public static JsonArray windowsJson(List<ScheduleWindow> windows) {
        JsonArray json = new JsonArray();
        for (ScheduleWindow window : windows) {
            PolicyJson.Window wire = PolicyJson.window(window);
            JsonObject object = new JsonObject()
                    .put("id", wire.id())
                    .put("daysOfWeek", new JsonArray(new ArrayList<Object>(wire.daysOfWeek())))
                    .put("start", wire.start())
                    .put("end", wire.end())
                    .put("mode", wire.mode());
            if (wire.validFrom() != null) {
                object.put("validFrom", wire.validFrom());
            }
            if (wire.validUntil() != null) {
                object.put("validUntil", wire.validUntil());
            }
            if (!wire.exceptDates().isEmpty()) {
                object.put("exceptDates", new JsonArray(new ArrayList<Object>(wire.exceptDates())));
            }
            json.add(object);
        }
        return json;
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
