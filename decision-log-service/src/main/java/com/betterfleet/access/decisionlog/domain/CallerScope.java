package com.betterfleet.access.decisionlog.domain;

import java.util.Optional;

/**
 * Which records a caller may see: a human caller one account's, an m2m caller all accounts'.
 */
public sealed interface CallerScope {
    CallerScope ALL_ACCOUNTS = new AllAccounts();

    static CallerScope account(String accountId) {
        return new SingleAccount(accountId);
    }

    /** The account to restrict to, or empty for all accounts. */
    Optional<String> accountId();

    record AllAccounts() implements CallerScope {
        @Override
        public Optional<String> accountId() {
            return Optional.empty();
        }
    }

    record SingleAccount(String id) implements CallerScope {
        public SingleAccount {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("account id is required");
            }
        }

        @Override
        public Optional<String> accountId() {
            return Optional.of(id);
        }
    }
}
