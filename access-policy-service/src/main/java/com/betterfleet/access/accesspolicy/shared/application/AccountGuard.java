package com.betterfleet.access.accesspolicy.shared.application;

import java.util.Optional;

/**
 * Tenancy rules (decisions.md section 7): a human caller reads and writes its own account only;
 * another account's charger is a 404, a body naming another account a 403. A machine caller works
 * across accounts, but cannot move a charger from one account to another (409).
 */
public final class AccountGuard {
    private AccountGuard() {
    }

    /** A human caller may only name its own account. */
    public static void requireOwnAccount(Caller caller, String namedAccount) {
        if (!caller.isMachine() && namedAccount != null && !namedAccount.equals(caller.accountId())) {
            throw new AccountMismatchException("The request names an account other than the caller's.");
        }
    }

    /** The charger (owned by {@code owner}, if anyone) must be visible to the caller. */
    public static void requireVisible(Caller caller, Optional<String> owner, String chargerId) {
        if (owner.isPresent() && !caller.sees(owner.get())) {
            throw chargerNotFound(chargerId);
        }
    }

    /** A charger stays with the account that has it. */
    public static void requireSameOwner(Optional<String> owner, String account, String chargerId) {
        if (owner.isPresent() && !owner.get().equals(account)) {
            throw new ConflictException("charger-account-conflict", "Charger belongs to another account",
                    "Charger " + chargerId + " belongs to another account; it cannot be moved by this request.");
        }
    }

    public static NotFoundException chargerNotFound(String chargerId) {
        return new NotFoundException("charger-not-found", "No charger " + chargerId + " is known to this account.");
    }
}
