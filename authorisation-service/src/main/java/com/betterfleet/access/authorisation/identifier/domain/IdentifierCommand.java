package com.betterfleet.access.authorisation.identifier.domain;

import java.util.Objects;

/** A validated registry change: upsert or delete of one identifier of one account. */
public sealed interface IdentifierCommand permits IdentifierCommand.Upsert, IdentifierCommand.Delete {
    String accountId();

    HashedIdentifier identifier();

    /** Creates or replaces an identifier. */
    record Upsert(RegisteredIdentifier identifierEntry) implements IdentifierCommand {
        public Upsert {
            Objects.requireNonNull(identifierEntry, "identifierEntry");
        }

        @Override
        public String accountId() {
            return identifierEntry.accountId();
        }

        @Override
        public HashedIdentifier identifier() {
            return new HashedIdentifier(identifierEntry.idHash(), identifierEntry.idMask(), identifierEntry.idTokenType());
        }
    }

    /** Removes an identifier (a tombstone is kept so every replica learns of it). */
    record Delete(String accountId, HashedIdentifier identifier) implements IdentifierCommand {
        public Delete {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(identifier, "identifier");
        }
    }

    /** Key of the identifier within the registry. */
    default String key() {
        return accountId() + '\n' + identifier().idHash();
    }

}
