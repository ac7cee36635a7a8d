package com.betterfleet.access.authorisation.identifier.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A validated registry change: upsert or delete of one identifier of one account. */
public sealed interface IdentifierCommand permits IdentifierCommand.Upsert, IdentifierCommand.Delete {
    String accountId();

    HashedIdentifier identifier();

    /**
     * When the source system made this change, or null if the item did not say (then it counts as
     * made when it is applied); see {@link ChangeOrder}.
     */
    Instant changedAt();

    /** Creates or replaces an identifier; {@code idMask} is stored beside it for the registry's listings. */
    record Upsert(RegisteredIdentifier identifierEntry, String idMask, Instant changedAt) implements IdentifierCommand {
        public Upsert {
            Objects.requireNonNull(identifierEntry, "identifierEntry");
            Objects.requireNonNull(idMask, "idMask");
        }

        public Upsert(RegisteredIdentifier identifierEntry, String idMask) {
            this(identifierEntry, idMask, null);
        }

        @Override
        public String accountId() {
            return identifierEntry.accountId();
        }

        @Override
        public HashedIdentifier identifier() {
            return new HashedIdentifier(identifierEntry.idHash(), idMask, identifierEntry.idTokenType());
        }
    }

    /**
     * Removes an identifier (a tombstone is kept so every replica learns of it).
     *
     * <p>Without idTokenType ({@code identifier().type()} null) the value is ambiguous: only
     * ISO14443, ISO15693 and MacAddress apply the hex rule, and registrations are typed. Hashing it
     * as an OCPP 1.6 idTag alone would miss a KeyCode registered as {@code ab12cd34} and hit a
     * KeyCode registered as {@code AB12CD34}, a different code. So such a delete names the live
     * registration whose own type's normalisation of the value gives its stored hash
     * ({@link #names}); the registry refuses it when that is more than one.
     *
     * @param identifier the value hashed for the item's idTokenType, or as an idTag without one
     * @param verbatimHash without idTokenType, and only when the hex rule changed the value: its
     *        trimmed-only hash ({@link IdentifierHasher#verbatimHash}); null otherwise
     * @param changedAt see {@link IdentifierCommand#changedAt()}
     */
    record Delete(String accountId, HashedIdentifier identifier, String verbatimHash, Instant changedAt)
            implements IdentifierCommand {
        public Delete {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(identifier, "identifier");
            if (verbatimHash != null && identifier.type() != null) {
                throw new IllegalArgumentException("a typed identifier has one hash");
            }
        }

        public Delete(String accountId, HashedIdentifier identifier, String verbatimHash) {
            this(accountId, identifier, verbatimHash, null);
        }

        public Delete(String accountId, HashedIdentifier identifier) {
            this(accountId, identifier, null, null);
        }

        /** The stored hashes the identifier this delete names can have: one, or two without a type. */
        public List<String> candidateHashes() {
            return verbatimHash == null ? List.of(identifier.idHash()) : List.of(identifier.idHash(), verbatimHash);
        }

        /**
         * Whether the live registration stored under {@code storedHash} with {@code storedType} is
         * the one this delete names. With idTokenType: the registration under that type's hash,
         * whatever its type (the registry's key is the hash, as for an upsert). Without: the
         * registration whose own type normalises the value to its stored hash, i.e. the idTag hash
         * for the hex types, the verbatim hash for KeyCode, Local, eMAID and Central (both the same
         * hash when the hex rule leaves the value alone).
         */
        public boolean names(String storedHash, IdTokenType storedType) {
            if (verbatimHash == null) {
                return storedHash.equals(identifier.idHash());
            }
            return storedHash.equals(storedType.hexNormalised() ? identifier.idHash() : verbatimHash);
        }
    }

}
