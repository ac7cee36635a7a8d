package com.betterfleet.access.accesspolicy.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Arranges many chargers directly in the database (as a long-running service would have left
 * them), bypassing the API: policies plus the schedule state last published for each.
 */
public final class Arrange {
    private Arrange() {
    }

    /** The ids {@code prefix-1 .. prefix-n}. */
    public static List<String> ids(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + "-" + i).toList();
    }

    /**
     * Chargers with a policy and a stored state.
     *
     * @param policy  {timeZone, defaultMode, windowsJson, overrideMode, overrideUntil}
     * @param state   {mode, source, windowId, since, nextBoundaryAt}
     */
    public static List<String> chargers(String prefix, int n, String account, Policy policy, State state) {
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO access_policy (charger_id, account_id, depot_id, time_zone, default_mode, windows,
                                               override_mode, override_until, override_reason, version, updated_at)
                    SELECT ? || '-' || i, ?, 'depot-1', ?, ?, ?::jsonb, ?, ?, NULL, 1, now()
                    FROM generate_series(1, ?) i""");
                    PreparedStatement s = c.prepareStatement("""
                    INSERT INTO schedule_state (charger_id, mode, source, window_id, policy_version, since,
                                                next_boundary_at, updated_at)
                    SELECT ? || '-' || i, ?, ?, ?, 1, ?, ?, now() FROM generate_series(1, ?) i""")) {
                p.setString(1, prefix);
                p.setString(2, account);
                p.setString(3, policy.timeZone());
                p.setString(4, policy.defaultMode());
                p.setString(5, policy.windowsJson());
                p.setString(6, policy.overrideMode());
                p.setObject(7, timestamp(policy.overrideUntil()));
                p.setInt(8, n);
                p.executeUpdate();
                s.setString(1, prefix);
                s.setString(2, state.mode());
                s.setString(3, state.source());
                s.setString(4, state.windowId());
                s.setObject(5, timestamp(state.since()));
                s.setObject(6, timestamp(state.nextBoundaryAt()));
                s.setInt(7, n);
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids(prefix, n);
    }

    public record Policy(String timeZone, String defaultMode, String windowsJson, String overrideMode, Instant overrideUntil) {
        /** Default managed access, freevend override until {@code until}. */
        public static Policy freevendOverrideUntil(Instant until) {
            return new Policy("Europe/London", "managed_access", "[]", "freevend", until);
        }
    }

    public record State(String mode, String source, String windowId, Instant since, Instant nextBoundaryAt) {
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
