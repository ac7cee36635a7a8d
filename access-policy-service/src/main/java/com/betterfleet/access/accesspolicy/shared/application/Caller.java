package com.betterfleet.access.accesspolicy.shared.application;

import java.util.Optional;

/**
 * Who is calling, as far as tenancy goes. A human caller's token carries an {@code account_id} and
 * reads and writes that account only; a machine caller (no claim) works across accounts.
 *
 * @param accountId the caller's account, {@code null} for a machine caller
 */
public record Caller(String accountId) {
    public static final Caller MACHINE = new Caller(null);

    public boolean isMachine() {
        return accountId == null;
    }

    public Optional<String> account() {
        return Optional.ofNullable(accountId);
    }

    /** Whether this caller may see a charger of {@code ownerAccountId}. */
    public boolean sees(String ownerAccountId) {
        return isMachine() || accountId.equals(ownerAccountId);
    }
}
