package com.betterfleet.access.accesspolicy.policy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;
import com.betterfleet.access.accesspolicy.outbox.application.CloudEventWriter;
import com.betterfleet.access.accesspolicy.outbox.application.OutboxEvent;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxNudge;
import com.betterfleet.access.accesspolicy.outbox.application.port.OutboxStore;
import com.betterfleet.access.accesspolicy.policy.application.port.PolicyStore;
import com.betterfleet.access.accesspolicy.schedule.application.ModeTracker;
import com.betterfleet.access.accesspolicy.schedule.application.TrackedState;
import com.betterfleet.access.accesspolicy.schedule.application.port.ScheduleStateStore;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessOverride;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessPolicy;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleEngine;
import com.betterfleet.access.accesspolicy.schedule.domain.WindowOverlap;
import com.betterfleet.access.accesspolicy.schedule.domain.WindowOverlaps;
import com.betterfleet.access.accesspolicy.shared.application.AccountGuard;
import com.betterfleet.access.accesspolicy.shared.application.Caller;
import com.betterfleet.access.accesspolicy.shared.application.FieldViolation;
import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;
import com.betterfleet.access.accesspolicy.shared.application.UnprocessableException;
import com.betterfleet.access.accesspolicy.shared.application.port.ChargerLocks;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Policy writes: PUT and DELETE of a policy, PUT and DELETE of its override. Each is one
 * transaction under the charger's lock: check account, If-Match and capability; store the new
 * version; evaluate the expected mode now; append policy_changed and, if (mode, source, window)
 * changed, expected_mode_changed to the outbox; store the charger's state and next boundary.
 */
@ApplicationScoped
public class PolicyCommandService {
    private final Pool pool;
    private final ChargerLocks locks;
    private final ChargerDirectory directory;
    private final PolicyStore policies;
    private final ScheduleStateStore states;
    private final OutboxStore outbox;
    private final CloudEventWriter events;
    private final OutboxNudge nudge;
    private final Clock clock;
    private final ModeTracker tracker;

    public PolicyCommandService(Pool pool, ChargerLocks locks, ChargerDirectory directory, PolicyStore policies,
            ScheduleStateStore states, OutboxStore outbox, CloudEventWriter events, OutboxNudge nudge, Clock clock,
            AccessPolicyConfig config) {
        this.pool = pool;
        this.locks = locks;
        this.directory = directory;
        this.policies = policies;
        this.states = states;
        this.outbox = outbox;
        this.events = events;
        this.nudge = nudge;
        this.clock = clock;
        this.tracker = new ModeTracker(config.ticker().recheckAfter());
    }

    /** The result of a PUT: the stored policy and whether it was created. */
    public record PutResult(PolicyView view, boolean created) {
    }

    /** PUT access-policy: create or replace the whole policy (including its override, if any). */
    public Uni<PutResult> put(Caller caller, String chargerId, PolicyDraft draft, Precondition precondition) {
        AccountGuard.requireOwnAccount(caller, draft.accountId());
        rejectOverlaps(draft);
        Instant now = clock.instant();
        if (draft.override() != null) {
            requireFuture(draft.override(), now, "override.until");
        }
        return inChargerTransaction(chargerId, (tx, records) -> {
            requireWritable(caller, records, draft.accountId(), chargerId);
            precondition.check(records.version().orElse(null));
            long version = records.version().or(() -> records.tombstone().map(Tombstone::version)).orElse(0L) + 1;
            AccessPolicy policy = draft.toPolicy(version);
            requireCapable(records.capability(), PolicyDraft.managedAccessFields(policy));
            ChargerPolicy saved = new ChargerPolicy(chargerId, draft.accountId(), draft.depotId(), policy, now);
            return store(tx, saved, now)
                    .map(ignored -> new PutResult(PolicyView.of(saved, records.capability(), now),
                            records.policy().isEmpty()));
        });
    }

    /** DELETE access-policy: the charger leaves scheduled access (managed access, source none). */
    public Uni<Void> delete(Caller caller, String chargerId, Precondition precondition) {
        Instant now = clock.instant();
        return inChargerTransaction(chargerId, (tx, records) -> {
            ChargerPolicy existing = records.requirePolicyVisibleTo(caller, chargerId);
            precondition.check(existing.version());
            Tombstone tombstone = new Tombstone(chargerId, existing.accountId(), existing.version() + 1, now);
            return states.lock(tx, chargerId).chain(previous -> {
                ModeTracker.Step step = tracker.leave(existing.ref(), previous.orElse(null), tombstone.version(), now);
                List<OutboxEvent> written = new ArrayList<>();
                written.add(events.write(CloudEventWriter.POLICY_CHANGED, chargerId, existing.accountId(), now,
                        PolicyChangedData.deleted(tombstone, existing.depotId())));
                step.change().ifPresent(change -> written.add(events.write(CloudEventWriter.EXPECTED_MODE_CHANGED,
                        chargerId, existing.accountId(), now, change)));
                return policies.delete(tx, tombstone).chain(() -> outbox.append(tx, written));
            });
        });
    }

    /** PUT access-override: a temporary mode until {@code until}, then the schedule resumes. */
    public Uni<PolicyView> putOverride(Caller caller, String chargerId, AccessOverride override, Precondition precondition) {
        Instant now = clock.instant();
        requireFuture(override, now, "until");
        return inChargerTransaction(chargerId, (tx, records) -> {
            ChargerPolicy existing = records.requirePolicyVisibleTo(caller, chargerId);
            precondition.check(existing.version());
            requireCapable(records.capability(), override.mode() == AccessMode.MANAGED_ACCESS
                    ? List.of(new FieldViolation("mode", PolicyDraft.MANAGED_ACCESS_UNSUPPORTED))
                    : List.of());
            AccessPolicy policy = withOverride(existing.policy(), override, existing.version() + 1);
            ChargerPolicy saved = new ChargerPolicy(chargerId, existing.accountId(), existing.depotId(), policy, now);
            return store(tx, saved, now).map(ignored -> PolicyView.of(saved, records.capability(), now));
        });
    }

    /** DELETE access-override: the schedule resumes now. Without an override in force nothing changes. */
    public Uni<PolicyView> deleteOverride(Caller caller, String chargerId, Precondition precondition) {
        Instant now = clock.instant();
        return inChargerTransaction(chargerId, (tx, records) -> {
            ChargerPolicy existing = records.requirePolicyVisibleTo(caller, chargerId);
            precondition.check(existing.version());
            AccessOverride current = existing.policy().override();
            if (current == null || !current.appliesAt(now)) {
                return Uni.createFrom().item(PolicyView.of(existing, records.capability(), now));
            }
            AccessPolicy policy = withOverride(existing.policy(), null, existing.version() + 1);
            ChargerPolicy saved = new ChargerPolicy(chargerId, existing.accountId(), existing.depotId(), policy, now);
            return store(tx, saved, now).map(ignored -> PolicyView.of(saved, records.capability(), now));
        });
    }

    @FunctionalInterface
    private interface ChargerWork<T> {
        Uni<T> apply(SqlConnection transaction, ChargerRecords records);
    }

    /** Runs {@code work} in a transaction holding the charger's lock; nudges the relay after commit. */
    private <T> Uni<T> inChargerTransaction(String chargerId, ChargerWork<T> work) {
        return pool.withTransaction(tx -> locks.lock(tx, chargerId)
                .chain(() -> directory.load(tx, chargerId))
                .chain(records -> work.apply(tx, records)))
                .invoke(nudge::nudge);
    }

    /** Stores a new policy version, evaluates it now and writes the events. */
    private Uni<Void> store(SqlConnection tx, ChargerPolicy saved, Instant now) {
        return policies.save(tx, saved)
                .chain(() -> states.lock(tx, saved.chargerId()))
                .chain(previous -> track(tx, saved, previous.orElse(null), now));
    }

    private Uni<Void> track(SqlConnection tx, ChargerPolicy saved, TrackedState previous, Instant now) {
        ModeTracker.Step step = tracker.track(saved.ref(), previous, ScheduleEngine.expectedModeAt(saved.policy(), now),
                now, now);
        List<OutboxEvent> written = new ArrayList<>();
        written.add(events.write(CloudEventWriter.POLICY_CHANGED, saved.chargerId(), saved.accountId(), now,
                PolicyChangedData.of(saved)));
        step.change().ifPresent(change -> written.add(events.write(CloudEventWriter.EXPECTED_MODE_CHANGED,
                saved.chargerId(), saved.accountId(), now, change)));
        return states.save(tx, saved.chargerId(), step.next()).chain(() -> outbox.append(tx, written));
    }

    private static void requireWritable(Caller caller, ChargerRecords records, String account, String chargerId) {
        AccountGuard.requireVisible(caller, records.owner(), chargerId);
        AccountGuard.requireSameOwner(records.owner(), account, chargerId);
    }

    private static void rejectOverlaps(PolicyDraft draft) {
        List<WindowOverlap> overlaps = WindowOverlaps.find(draft.windows());
        if (!overlaps.isEmpty()) {
            throw new OverlappingWindowsException(overlaps, draft.windows());
        }
    }

    private static void requireFuture(AccessOverride override, Instant now, String field) {
        if (!override.until().isAfter(now)) {
            throw new InvalidInputException(field, "must be in the future");
        }
    }

    /** @param managedFields the request fields that ask for managed access */
    private static void requireCapable(Optional<StoredCapability> capability, List<FieldViolation> managedFields) {
        if (capability.isEmpty() || capability.get().capability().allowsManagedAccess()) {
            return;
        }
        if (!managedFields.isEmpty()) {
            throw new UnprocessableException("managed-access-unsupported", "Managed access is not supported",
                    "The charger's capability is unsupported, so managed access cannot be scheduled on it.", managedFields);
        }
    }

    private static AccessPolicy withOverride(AccessPolicy policy, AccessOverride override, long version) {
        return new AccessPolicy(policy.timeZone(), policy.defaultMode(), policy.windows(), override, version);
    }
}
