package com.betterfleet.access.authorisation.replica.application;

import java.util.List;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;

import io.smallrye.mutiny.Uni;

/** Port: committed state changes in {@code change_seq} order. */
public interface StateChangeSource {

    /** One identifier row; {@code entry} null means a deleted identifier (tombstone). */
    record IdentifierChange(long changeSeq, String accountId, String idHash, RegisteredIdentifier entry) {
    }

    record ChargerChange(long changeSeq, ChargerState state) {
    }

    Uni<List<IdentifierChange>> identifierChangesAfter(long changeSeq, int limit);

    Uni<List<ChargerChange>> chargerChangesAfter(long changeSeq, int limit);
}
