package com.betterfleet.access.authorisation.chargerstate.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What this service knows of one charger, built from charger_access.* events. Applying events is
 * order-independent: whatever order the broker delivers them in, the same set of events gives
 * the same state (policy versions, tombstones and expected-mode ordering below).
 *
 * @param policyVersion highest policy version seen (0: none)
 * @param policyDeleted whether that version deleted the policy
 * @param deletedVersion highest version of any deletion seen (0: none); expected modes of that
 *        policy version or older are stale
 * @param expectedMode the newest expected mode still valid, or null (no policy: managed access)
 * @param capabilityAt time of the capability event protocol and family come from, or null
 */
public record ChargerState(String chargerId, String accountId, String depotId, long policyVersion,
        boolean policyDeleted, long deletedVersion, ExpectedMode expectedMode, OcppProtocol protocol, String family,
        Instant capabilityAt) {

    public ChargerState {
        Objects.requireNonNull(chargerId, "chargerId");
    }

    /** A charger no event has been seen for. */
    public static ChargerState unknown(String chargerId) {
        return new ChargerState(chargerId, null, null, 0, false, 0, null, null, null, null);
    }

    /** The state after {@code event}, or empty if the event is stale or changes nothing. */
    public Optional<ChargerState> apply(ChargerEvent event) {
        if (!event.chargerId().equals(chargerId)) {
            throw new IllegalArgumentException("event for another charger");
        }
        ChargerState next;
        if (event instanceof ChargerEvent.PolicyChanged p) {
            next = applyPolicy(p);
        } else if (event instanceof ChargerEvent.ExpectedModeChanged m) {
            next = applyExpectedMode(m);
        } else {
            next = applyCapability((ChargerEvent.CapabilityChanged) event);
        }
        return next == null || next.equals(this) ? Optional.empty() : Optional.of(next);
    }

    private ChargerState applyPolicy(ChargerEvent.PolicyChanged p) {
        long newDeletedVersion = p.deleted() ? Math.max(deletedVersion, p.version()) : deletedVersion;
        ExpectedMode mode = expectedMode != null && expectedMode.policyVersion() <= newDeletedVersion ? null : expectedMode;
        if (p.version() <= policyVersion) {
            // An older snapshot: it cannot change the current policy, but an old deletion still
            // invalidates expected modes of its version or older.
            return new ChargerState(chargerId, accountId, depotId, policyVersion, policyDeleted, newDeletedVersion, mode,
                    protocol, family, capabilityAt);
        }
        String depot = p.deleted() ? depotId : p.depotId();
        return new ChargerState(chargerId, p.accountId(), depot, p.version(), p.deleted(), newDeletedVersion, mode,
                protocol, family, capabilityAt);
    }

    private ChargerState applyExpectedMode(ChargerEvent.ExpectedModeChanged m) {
        ExpectedMode candidate = m.expectedMode();
        if (candidate.policyVersion() <= deletedVersion) {
            return null;
        }
        if (expectedMode != null && !candidate.isNewerThan(expectedMode)) {
            return null;
        }
        return new ChargerState(chargerId, m.accountId(), m.depotId() != null ? m.depotId() : depotId, policyVersion,
                policyDeleted, deletedVersion, candidate, protocol, family, capabilityAt);
    }

    private ChargerState applyCapability(ChargerEvent.CapabilityChanged c) {
        if (capabilityAt != null && c.at().isBefore(capabilityAt)) {
            return null;
        }
        String account = accountId != null ? accountId : c.accountId();
        return new ChargerState(chargerId, account, depotId, policyVersion, policyDeleted, deletedVersion, expectedMode,
                c.protocol(), c.family(), c.at());
    }
}
