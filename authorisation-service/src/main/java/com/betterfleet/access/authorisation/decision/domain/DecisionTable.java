package com.betterfleet.access.authorisation.decision.domain;

import java.time.Duration;
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
 * <li>freevend: Accepted ({@code freevend}), whatever the identifier; expiryDate = end of the freevend period
 * ({@link ChargerAccess#until()}: the announced {@code modeUntil}, else {@code until});</li>
 * <li>managed access and the charger family's fixed freevend idTag, or an OCPP 2.0.1 {@code NoAuthorization}
 * token (see {@link FreevendTags}): denied ({@code freevend_tag_in_managed_access});
 * checked before the registry, so a registered entry cannot turn a family-wide tag into a key;</li>
 * <li>not in the registry of the charger's account: {@code unknown_identifier}. Identifiers belong to an
 * account (decisions.md section 7) and count only at that account's chargers, own fleet and agreement alike;
 * a charger this service has never heard of has no known account, so no registration counts there;</li>
 * <li>status blocked / inactive: {@code blocked_identifier} / {@code inactive_identifier};</li>
 * <li>validFrom in the future: {@code not_yet_valid};</li>
 * <li>past validUntil: {@code stale_agreement} (agreement) / {@code expired_identifier} (own fleet);</li>
 * <li>otherwise Accepted ({@code own_fleet} / {@code agreement}); expiryDate = the earlier of the end of the
 * managed period and the identifier's validUntil (see {@link #UNKNOWN_PERIOD_END_EXPIRY} when that end has
 * passed unannounced).</li>
 * </ol>
 *
 * <p>An untyped OCPP 1.6 idTag can match two registrations of the charger's account: one under its
 * idTag hash and one, of a type without the hex rule, under its verbatim hash
 * ({@code IdentifierHasher.verbatimHash}). The charger cannot say which token it read, so: a
 * blocked one denies (an operator's block is never bypassed by the other reading); else the first
 * that allows, idTag match first; else the idTag match's denial.
 */
public final class DecisionTable {
    /**
     * How long an Accepted answer in managed access may be relied on when the end of the current
     * managed period is not known because it has passed: the end of the mode the last expected-mode
     * event announced ({@code modeUntil}, or {@code until} from a producer without it) is over and
     * the next event has not arrived. Passing {@code until} alone, a hand-over to another window or
     * source of the same mode, is not such an end. What comes next is unknown, so the charger gets a
     * short expiryDate rather than none (which a cache would keep indefinitely) or the past
     * end (which would contradict the Accepted). Long enough for ordinary charger clock
     * skew, short enough that the charger soon asks again.
     */
    public static final Duration UNKNOWN_PERIOD_END_EXPIRY = Duration.ofMinutes(5);

    private DecisionTable() {
    }

    /**
     * @param candidates registry entries with the presented identifier's hash, one per account, in a
     *        stable order; only the charger's account's entry counts
     * @param freevendTag whether the identifier is the charger's freevend token: its family's fixed
     *        idTag (or any configured family's when the family is unknown), or OCPP 2.0.1 NoAuthorization
     */
    public static AccessDecision decide(ChargerAccess charger, boolean freevendTag, List<RegisteredIdentifier> candidates,
            Instant now) {
        return decide(charger, freevendTag, candidates, List.of(), now);
    }

    /**
     * @param candidates registry entries with the presented identifier's hash (for an untyped idTag:
     *        its idTag hash), one per account; only the charger's account's entry counts
     * @param verbatimCandidates for an untyped idTag, registry entries with its verbatim hash (empty
     *        when it has none); only the charger's account's entry of a type without the hex rule counts
     * @param freevendTag whether the identifier is the charger's freevend token: its family's fixed
     *        idTag (or any configured family's when the family is unknown), or OCPP 2.0.1 NoAuthorization
     */
    public static AccessDecision decide(ChargerAccess charger, boolean freevendTag, List<RegisteredIdentifier> candidates,
            List<RegisteredIdentifier> verbatimCandidates, Instant now) {
        if (charger.mode() == AccessMode.FREEVEND) {
            return new AccessDecision(DecisionReason.FREEVEND, charger, charger.accountId(), null, charger.until());
        }
        if (freevendTag) {
            return new AccessDecision(DecisionReason.FREEVEND_TAG_IN_MANAGED_ACCESS, charger, charger.accountId(), null, null);
        }
        String account = charger.accountId();
        RegisteredIdentifier asIdTag = account == null ? null : entryOf(candidates, account, false);
        RegisteredIdentifier verbatim = account == null ? null : entryOf(verbatimCandidates, account, true);
        if (asIdTag == null && verbatim == null) {
            return new AccessDecision(DecisionReason.UNKNOWN_IDENTIFIER, charger, account, null, null);
        }
        if (verbatim == null) {
            return managed(charger, asIdTag, now);
        }
        if (asIdTag == null) {
            return managed(charger, verbatim, now);
        }
        AccessDecision first = managed(charger, asIdTag, now);
        AccessDecision second = managed(charger, verbatim, now);
        if (first.reason() == DecisionReason.BLOCKED_IDENTIFIER) {
            return first;
        }
        if (second.reason() == DecisionReason.BLOCKED_IDENTIFIER) {
            return second;
        }
        if (first.outcome() == Outcome.ALLOWED || second.outcome() != Outcome.ALLOWED) {
            return first;
        }
        return second;
    }

    /**
     * The entry of {@code account}, or null. The registry holds at most one per account and hash.
     * A verbatim match of a type with the hex rule cannot come from a correct registration (such a
     * type stores hex octets upper-cased), so it is not trusted.
     */
    private static RegisteredIdentifier entryOf(List<RegisteredIdentifier> entries, String account, boolean verbatim) {
        for (int i = 0; i < entries.size(); i++) {
            RegisteredIdentifier entry = entries.get(i);
            if (account.equals(entry.accountId()) && !(verbatim && entry.idTokenType().hexNormalised())) {
                return entry;
            }
        }
        return null;
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
        return new AccessDecision(reason, charger, account, id, earlier(managedPeriodEnd(charger, now), id.validUntil()));
    }

    /** The end of the current managed period, or null when the policy gives it none. */
    private static Instant managedPeriodEnd(ChargerAccess charger, Instant now) {
        return charger.endPassed() ? now.plus(UNKNOWN_PERIOD_END_EXPIRY) : charger.until();
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
