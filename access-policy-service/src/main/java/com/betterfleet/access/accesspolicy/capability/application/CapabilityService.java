package com.betterfleet.access.accesspolicy.capability.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.accesspolicy.capability.application.port.CapabilityStore;
import com.betterfleet.access.accesspolicy.capability.domain.Capability;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityReport;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityRules;
import com.betterfleet.access.accesspolicy.capability.domain.FamilyCatalog;
import com.betterfleet.access.accesspolicy.outbox.application.CloudEventWriter;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxNudge;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxStore;
import com.betterfleet.access.accesspolicy.policy.application.ChargerDirectory;
import com.betterfleet.access.accesspolicy.policy.application.ChargerRecords;
import com.betterfleet.access.accesspolicy.shared.application.AccountGuard;
import com.betterfleet.access.accesspolicy.shared.application.Caller;
import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;
import com.betterfleet.access.accesspolicy.shared.application.NotFoundException;
import com.betterfleet.access.accesspolicy.shared.application.port.ChargerLocks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Capability reports: derive the state from protocol, family profile and key answers, store it,
 * and publish capability_changed when what is known about the charger changed. A capability that
 * becomes {@code unsupported} does not touch an existing policy: reads then say that enforcement
 * is not guaranteed, and new writes asking for managed access are refused.
 */
@ApplicationScoped
public class CapabilityService {
    private final Pool pool;
    private final ChargerLocks locks;
    private final ChargerDirectory directory;
    private final CapabilityStore store;
    private final OutboxStore outbox;
    private final CloudEventWriter events;
    private final OutboxNudge nudge;
    private final FamilyCatalog families;
    private final Clock clock;

    public CapabilityService(Pool pool, ChargerLocks locks, ChargerDirectory directory, CapabilityStore store,
            OutboxStore outbox, CloudEventWriter events, OutboxNudge nudge, FamilyCatalog families, Clock clock) {
        this.pool = pool;
        this.locks = locks;
        this.directory = directory;
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.nudge = nudge;
        this.families = families;
        this.clock = clock;
    }

    /**
     * PUT capability. The account is the human caller's, or the one the machine caller names, or
     * the charger's current one.
     *
     * @param accountId as named in the body, may be null
     */
    public Uni<StoredCapability> put(Caller caller, String chargerId, String accountId, CapabilityReport report) {
        AccountGuard.requireOwnAccount(caller, accountId);
        Capability capability = CapabilityRules.derive(report, families);
        Instant now = clock.instant();
        return pool.withTransaction(tx -> locks.lock(tx, chargerId)
                .chain(() -> directory.load(tx, chargerId))
                .chain(records -> {
                    String account = account(caller, records, accountId, chargerId);
                    StoredCapability next = new StoredCapability(chargerId, account, report, capability, now);
                    StoredCapability previous = records.capability().orElse(null);
                    if (next.sameAs(previous)) {
                        return Uni.createFrom().item(previous);
                    }
                    return store.save(tx, next)
                            .chain(() -> outbox.append(tx, List.of(events.write(CloudEventWriter.CAPABILITY_CHANGED,
                                    chargerId, account, now, CapabilityChangedData.of(next)))))
                            .replaceWith(next);
                }))
                .invoke(nudge::nudge);
    }

    public Uni<StoredCapability> get(Caller caller, String chargerId) {
        return store.find(pool, chargerId).map(found -> found
                .filter(capability -> caller.sees(capability.accountId()))
                .orElseThrow(() -> new NotFoundException("capability-not-found",
                        "No capability is known for charger " + chargerId + ".")));
    }

    private static String account(Caller caller, ChargerRecords records, String named, String chargerId) {
        AccountGuard.requireVisible(caller, records.owner(), chargerId);
        String account = caller.account().or(() -> Optional.ofNullable(named))
                .or(records::owner)
                .orElseThrow(() -> new InvalidInputException("accountId",
                        "is required for a caller without an account when the charger has none yet"));
        AccountGuard.requireSameOwner(records.owner(), account, chargerId);
        return account;
    }
}
