package com.betterfleet.access.authorisation.testdata;

import java.time.Duration;
import java.time.Instant;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.chargerstate.domain.ExpectedMode;
import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.chargerstate.domain.PolicySource;

/**
 * Charger states for domain tests: charger CP-1 of account acc-A, policy version 1, in a managed
 * window that started an hour before {@code now} and ends 2 hours after it, announced without
 * {@code modeUntil} (an older producer), unless told otherwise.
 */
public final class ChargerStateBuilder {
    private final Instant now;
    private String chargerId = "CP-1";
    private String accountId = "acc-A";
    private AccessMode mode = AccessMode.MANAGED_ACCESS;
    private Instant effectiveAt;
    private Instant until;
    private boolean modeUntilAnnounced;
    private Instant modeUntil;
    private PolicySource source = PolicySource.SCHEDULE;
    private String windowId = "w-day";
    private long policyVersion = 1;
    private OcppProtocol protocol;
    private String family;
    private boolean noPolicy;

    private ChargerStateBuilder(Instant now) {
        this.now = now;
        this.effectiveAt = now.minus(Duration.ofHours(1));
        this.until = now.plus(Duration.ofHours(2));
    }

    public static ChargerStateBuilder managedAt(Instant now) {
        return new ChargerStateBuilder(now);
    }

    public static ChargerStateBuilder freevendAt(Instant now) {
        return new ChargerStateBuilder(now).mode(AccessMode.FREEVEND);
    }

    public ChargerStateBuilder mode(AccessMode mode) {
        this.mode = mode;
        return this;
    }

    public ChargerStateBuilder account(String accountId) {
        this.accountId = accountId;
        return this;
    }

    public ChargerStateBuilder period(Instant effectiveAt, Instant until) {
        this.effectiveAt = effectiveAt;
        this.until = until;
        return this;
    }

    public ChargerStateBuilder untilIn(Duration fromNow) {
        this.until = now.plus(fromNow);
        return this;
    }

    public ChargerStateBuilder noEnd() {
        this.until = null;
        return this;
    }

    /** The event carried {@code modeUntil} = {@code modeUntil} (null: no change of mode ahead). */
    public ChargerStateBuilder modeUntil(Instant modeUntil) {
        this.modeUntilAnnounced = true;
        this.modeUntil = modeUntil;
        return this;
    }

    public ChargerStateBuilder modeUntilIn(Duration fromNow) {
        return modeUntil(now.plus(fromNow));
    }

    public ChargerStateBuilder source(PolicySource source) {
        this.source = source;
        return this;
    }

    public ChargerStateBuilder family(String family) {
        this.family = family;
        return this;
    }

    public ChargerStateBuilder protocol(OcppProtocol protocol) {
        this.protocol = protocol;
        return this;
    }

    public ChargerStateBuilder withoutPolicy() {
        this.noPolicy = true;
        return this;
    }

    public ExpectedMode expectedMode() {
        return new ExpectedMode(mode, effectiveAt, until, source, windowId, policyVersion, modeUntilAnnounced, modeUntil);
    }

    public ChargerState build() {
        return new ChargerState(chargerId, accountId, "depot-1", noPolicy ? 0 : policyVersion, false, 0,
                noPolicy ? null : expectedMode(), protocol, family, null);
    }
}
