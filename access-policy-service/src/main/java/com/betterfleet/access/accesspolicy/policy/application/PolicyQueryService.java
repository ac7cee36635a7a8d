package com.betterfleet.access.accesspolicy.policy.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.accesspolicy.capability.domain.CapabilityState;
import com.betterfleet.access.accesspolicy.capability.domain.Enforcement;
import com.betterfleet.access.accesspolicy.policy.application.port.PolicyStore;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.ExpectedMode;
import com.betterfleet.access.accesspolicy.schedule.domain.PolicySource;
import com.betterfleet.access.accesspolicy.schedule.domain.ResolvedInterval;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleEngine;
import com.betterfleet.access.accesspolicy.shared.application.AccountGuard;
import com.betterfleet.access.accesspolicy.shared.application.Caller;
import com.betterfleet.access.accesspolicy.shared.application.ChargerIds;
import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Policy reads. The expected mode and the schedule are evaluated with the engine at the time
 * asked for (exact, not the tracked state); the charger list shows the tracked (published) state.
 * A charger known to the caller's account but without a policy is in managed access, source none.
 */
@ApplicationScoped
public class PolicyQueryService {
    private final Pool pool;
    private final ChargerDirectory directory;
    private final PolicyStore policies;
    private final Clock clock;
    private final AccessPolicyConfig.Api api;

    public PolicyQueryService(Pool pool, ChargerDirectory directory, PolicyStore policies, Clock clock,
            AccessPolicyConfig config) {
        this.pool = pool;
        this.directory = directory;
        this.policies = policies;
        this.clock = clock;
        this.api = config.api();
    }

    public Uni<PolicyView> get(Caller caller, String chargerId) {
        return directory.load(pool, chargerId).map(records -> PolicyView.of(
                records.requirePolicyVisibleTo(caller, chargerId), records.capability(), clock.instant()));
    }

    /** @param at {@code null} for now */
    public Uni<ModeView> accessMode(Caller caller, String chargerId, Instant at) {
        Instant instant = at == null ? clock.instant() : at;
        return directory.load(pool, chargerId).map(records -> {
            requireKnown(caller, records, chargerId);
            Enforcement enforcement = enforcement(records);
            return records.policy()
                    .map(p -> new ModeView(chargerId, ScheduleEngine.expectedModeAt(p.policy(), instant),
                            p.policy().timeZone(), enforcement))
                    .orElseGet(() -> new ModeView(chargerId, ExpectedMode.withoutPolicy(), null, enforcement));
        });
    }

    /** @param from {@code null} for now; @param to {@code null} for the default range after {@code from} */
    public Uni<ScheduleView> schedule(Caller caller, String chargerId, Instant from, Instant to) {
        Instant start = from == null ? clock.instant() : from;
        Instant end = to == null ? start.plus(api.defaultScheduleRange()) : to;
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(api.maxScheduleRange()) > 0) {
            throw new InvalidInputException("to", "the range may span at most " + api.maxScheduleRange().toDays() + " days");
        }
        return directory.load(pool, chargerId).map(records -> {
            requireKnown(caller, records, chargerId);
            Enforcement enforcement = enforcement(records);
            return records.policy()
                    .map(p -> new ScheduleView(chargerId, ScheduleEngine.resolve(p.policy(), start, end),
                            p.policy().timeZone(), enforcement))
                    .orElseGet(() -> new ScheduleView(chargerId, List.of(new ResolvedInterval(AccessMode.MANAGED_ACCESS,
                            start, end, PolicySource.NONE, null)), null, enforcement));
        });
    }

    /**
     * One page of an account's chargers. A human caller lists its own account ({@code accountId}
     * may repeat it); a machine caller must name the account.
     *
     * @param capability a capability state, {@code unknown}, or {@code null} for any (already validated)
     */
    public Uni<ChargerPage> list(Caller caller, String accountId, String depotId, AccessMode mode, String capability,
            String cursor, Integer limit) {
        AccountGuard.requireOwnAccount(caller, accountId);
        String account = caller.account().orElse(accountId);
        if (account == null) {
            throw new InvalidInputException("accountId", "is required for a caller without an account");
        }
        int pageSize = limit == null ? api.defaultPageSize() : limit;
        if (pageSize < 1 || pageSize > api.maxPageSize()) {
            throw new InvalidInputException("limit", "must be between 1 and " + api.maxPageSize());
        }
        boolean unknown = "unknown".equals(capability);
        CapabilityState state = capability == null || unknown ? null : CapabilityState.fromWire(capability);
        ListQuery query = new ListQuery(account, depotId, mode, state, unknown, decodeCursor(cursor), pageSize + 1);
        return policies.list(pool, query).map(rows -> {
            boolean more = rows.size() > pageSize;
            List<ChargerSummary> page = more ? rows.subList(0, pageSize) : rows;
            return new ChargerPage(List.copyOf(page), more ? encodeCursor(page.get(page.size() - 1).chargerId()) : null);
        });
    }

    private static void requireKnown(Caller caller, ChargerRecords records, String chargerId) {
        if (records.owner().isEmpty()) {
            throw AccountGuard.chargerNotFound(chargerId);
        }
        AccountGuard.requireVisible(caller, records.owner(), chargerId);
    }

    private static Enforcement enforcement(ChargerRecords records) {
        return Enforcement.of(records.capability().map(c -> c.capability().state()));
    }

    static String encodeCursor(String chargerId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(chargerId.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String chargerId;
        try {
            chargerId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            chargerId = null;
        }
        // a cursor holds a charger id, so anything else was not made here (and could not be compared in SQL)
        if (!ChargerIds.isValid(chargerId)) {
            throw new InvalidInputException("cursor", "is not a cursor this API returned");
        }
        return chargerId;
    }
}
