package com.betterfleet.access.authorisation.decision.domain;

import java.time.Instant;
import java.util.List;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerAccess;
import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;

/**
 * The decision table of decisions.md section 5, as a pure function of the charger's access
 * situation, the presented identifier and the time.
 *
 * <ol>
 * <li>freevend: Accepted ({@code freevend}), whatever the identifier; expiryDate = end of the freevend period;</li>
 * <li>managed access and the charger family's fixed freevend idTag: denied ({@code freevend_tag_in_managed_access});
 * checked before the registry, so a registered entry cannot turn a family-wide tag into a key;</li>
 * <li>not in the registry (of the charger's account): {@code unknown_identifier};</li>
 * <li>status blocked / inactive: {@code blocked_identifier} / {@code inactive_identifier};</li>
 * <li>validFrom in the future: {@code not_yet_valid};</li>
 * <li>past validUntil: {@code stale_agreement} (agreement) / {@code expired_identifier} (own fleet);</li>
 * <li>otherwise Accepted ({@code own_fleet} / {@code agreement}); expiryDate = the earlier of the end of the
 * managed period and the identifier's validUntil.</li>
 * </ol>
 */
public final class DecisionTable {
    private DecisionTable() {
    }

    /**
     * @param candidates registry entries with the presented identifier's hash, one per account, in a
     *        stable order; only those of the charger's account count when the account is known,
     *        otherwise any account's entry may match (the first that allows, else the first)
     * @param freevendTag whether the identifier is the fixed freevend idTag of the charger's family
     *        (or of any configured family when the family is unknown)
     */
    public static AccessDecision decide(ChargerAccess charger, boolean freevendTag, List<RegisteredIdentifier> candidates,
            Instant now) {
        if (charger.mode() == AccessMode.FREEVEND) {
            return new AccessDecision(DecisionReason.FREEVEND, charger, charger.accountId(), null, charger.until());
        }
        if (freevendTag) {
            return new AccessDecision(DecisionReason.FREEVEND_TAG_IN_MANAGED_ACCESS, charger, charger.accountId(), null, null);
        }
        AccessDecision first = null;
        for (int i = 0; i < candidates.size(); i++) {
            RegisteredIdentifier candidate = candidates.get(i);
            if (charger.accountId() != null && !charger.accountId().equals(candidate.accountId())) {
                continue;
            }
            AccessDecision decision = managed(charger, candidate, now);
            if (decision.outcome() == Outcome.ALLOWED) {
                return decision;
            }
            if (first == null) {
                first = decision;
            }
        }
        if (first != null) {
            return first;
        }
        return new AccessDecision(DecisionReason.UNKNOWN_IDENTIFIER, charger, charger.accountId(), null, null);
    }

    private static AccessDecision managed(ChargerAccess charger, RegisteredIdentifier id, Instant now) {
        String account = id.accountId();
        switch (id.status()) {
            case BLOCKED:
                return new AccessDecision(DecisionReason.BLOCKED_IDENTIFIER, charger, account, id, null);
            case INACTIVE:
                return new AccessDecision(DecisionReason.INACTIVE_IDENTIFIER, charger, account, id, null);
            default:
                break;
        }
        if (id.notYetValidAt(now)) {
            return new AccessDecision(DecisionReason.NOT_YET_VALID, charger, account, id, null);
        }
        boolean agreement = id.accessClass() == AccessClass.AGREEMENT;
        if (id.expiredAt(now)) {
            DecisionReason reason = agreement ? DecisionReason.STALE_AGREEMENT : DecisionReason.EXPIRED_IDENTIFIER;
            return new AccessDecision(reason, charger, account, id, null);
        }
        DecisionReason reason = agreement ? DecisionReason.AGREEMENT : DecisionReason.OWN_FLEET;
        return new AccessDecision(reason, charger, account, id, earlier(charger.until(), id.validUntil()));
    }

    static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
