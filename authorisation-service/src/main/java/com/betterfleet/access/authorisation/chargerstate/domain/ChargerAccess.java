package com.betterfleet.access.authorisation.chargerstate.domain;

import java.time.Instant;

/**
 * The access situation of a charger at one instant, derived from its {@link ChargerState}: the
 * mode in effect and what it comes from. Fails closed: freevend holds only from its
 * {@code effectiveAt} until the announced end of the mode ({@link ExpectedMode#modeEnd()}:
 * {@code modeUntil}, or {@code until} from a producer that does not send it); once that has passed
 * and the next expected-mode event has not arrived, the charger is treated as managed access.
 * Passing {@code until} alone (a hand-over to another window or source of the same mode) changes
 * nothing when {@code modeUntil} says the mode goes on.
 *
 * @param accountId the charger's account, or null when this service has never heard of the charger
 * @param until end of the current mode, always in the future, or null if not known
 * @param endPassed whether the end of the last announced mode has passed and the next
 *        expected-mode event has not arrived yet: the charger is managed access (fail closed) but
 *        when that ends is not known, unlike a mode announced without end (null {@code until},
 *        {@code endPassed} false)
 * @param windowId the window the mode comes from; null once the announced boundary has passed,
 *        since which window holds the mode from then on is not known until the next event
 * @param policyVersion the policy version the mode comes from, or null without policy
 */
public record ChargerAccess(String chargerId, String accountId, String depotId, AccessMode mode, Instant until,
        boolean endPassed, PolicySource source, String windowId, Long policyVersion, OcppProtocol protocol,
        String family) {

    /** The access situation of {@code state} (null: an unknown charger) at {@code now}. */
    public static ChargerAccess at(String chargerId, ChargerState state, Instant now) {
        if (state == null) {
            return new ChargerAccess(chargerId, null, null, AccessMode.MANAGED_ACCESS, null, false, PolicySource.NONE, null,
                    null, null, null);
        }
        ExpectedMode m = state.expectedMode();
        if (m == null) {
            return new ChargerAccess(chargerId, state.accountId(), state.depotId(), AccessMode.MANAGED_ACCESS, null, false,
                    PolicySource.NONE, null, null, state.protocol(), state.family());
        }
        Instant end = m.modeEnd();
        boolean started = !now.isBefore(m.effectiveAt());
        boolean ended = end != null && !now.isBefore(end);
        if (m.mode() == AccessMode.FREEVEND && (!started || ended)) {
            // Not started: whatever came before is treated as managed, and it ends when freevend starts.
            Instant until = started ? null : m.effectiveAt();
            return new ChargerAccess(chargerId, state.accountId(), state.depotId(), AccessMode.MANAGED_ACCESS, until,
                    ended, m.source(), null, m.policyVersion(), state.protocol(), state.family());
        }
        boolean boundaryPassed = ended || m.until() != null && !now.isBefore(m.until());
        return new ChargerAccess(chargerId, state.accountId(), state.depotId(), m.mode(), ended ? null : end, ended,
                m.source(), boundaryPassed ? null : m.windowId(), m.policyVersion(), state.protocol(), state.family());
    }
}
