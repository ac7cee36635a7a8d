package com.betterfleet.access.authorisation.registry.application;

import java.time.Instant;
import java.util.List;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierCommand;

import io.smallrye.mutiny.Uni;

/** Port: the persisted registry (hash and mask only). */
public interface IdentifierStore {
    /**
     * Applies the commands in order, in one state-changing transaction, skipping those that are not
     * newer than what is stored
     * ({@link com.betterfleet.access.authorisation.identifier.domain.RegistryBatch}).
     *
     * @return one status per command (created, updated, deleted or not_found), in order; stale for
     *         a skipped one; rejected for a delete without idTokenType that names more than one
     *         live registration
     *         ({@link com.betterfleet.access.authorisation.identifier.domain.IdentifierCommand.Delete#names}),
     *         which then removes nothing
     */
    Uni<List<ItemStatus>> apply(List<IdentifierCommand> commands);

    /**
     * Live entries ordered by (accountId, idHash), strictly after the given key.
     *
     * @param accountId only this account, or null for all
     * @param accessClass only this class, or null for all
     */
    Uni<List<IdentifierView>> page(String accountId, AccessClass accessClass, String afterAccountId, String afterIdHash,
            int limit);

    /**
     * Removes at most {@code max} tombstones last written before {@code writtenBefore}, in one
     * state-changing transaction; live identifiers are never touched.
     *
     * @return how many were removed
     */
    Uni<Integer> purgeTombstones(Instant writtenBefore, int max);
}
