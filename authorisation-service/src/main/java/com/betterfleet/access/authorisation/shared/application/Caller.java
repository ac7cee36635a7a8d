package com.betterfleet.access.authorisation.shared.application;

/**
 * Who is calling. A token with an {@code account_id} claim is a human caller of that account and
 * acts on that account only; machine (client-credentials) tokens have none and act across accounts.
 *
 * @param accountId the caller's account, or null for a machine caller
 */
public record Caller(String accountId) {
    public static final Caller MACHINE = new Caller(null);

    public boolean isScoped() {
        return accountId != null;
    }

    /** Whether this caller may read or write {@code account}. */
    public boolean mayAccess(String account) {
        return accountId == null || accountId.equals(account);
    }
}
