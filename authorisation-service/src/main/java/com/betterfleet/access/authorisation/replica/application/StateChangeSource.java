package com.betterfleet.access.authorisation.replica.application;

import java.util.List;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;

import io.smallrye.mutiny.Uni;

/**
 * Port: committed state changes in {@code change_seq} order. A row this version cannot read (a
 * value only a newer version knows, e.g. a new {@code id_token_type}) comes as an unreadable
 * change rather than a failure, so one such row never stops the replica at its {@code change_seq}.
 */
public interface StateChangeSource {

    /**
     * One identifier row; {@code entry} null means a deleted identifier (tombstone) or, with
     * {@code unreadable}, a row this version cannot read.
     */
    record IdentifierChange(long changeSeq, String accountId, String idHash, RegisteredIdentifier entry, boolean unreadable) {
        public IdentifierChange(long changeSeq, String accountId, String idHash, RegisteredIdentifier entry) {
            this(changeSeq, accountId, idHash, entry, false);
        }

        public static IdentifierChange unreadable(long changeSeq, String accountId, String idHash) {
            return new IdentifierChange(changeSeq, accountId, idHash, null, true);
        }
    }

    /** One charger row; {@code state} null when this version cannot read the row. */
    record ChargerChange(long changeSeq, String chargerId, ChargerState state) {
        public ChargerChange(long changeSeq, ChargerState state) {
            this(changeSeq, state.chargerId(), state);
        }

        public static ChargerChange unreadable(long changeSeq, String chargerId) {
            return new ChargerChange(changeSeq, chargerId, null);
        }

        public boolean unreadable() {
            return state == null;
        }
    }

    Uni<List<IdentifierChange>> identifierChangesAfter(long changeSeq, int limit);

    Uni<List<ChargerChange>> chargerChangesAfter(long changeSeq, int limit);
}
