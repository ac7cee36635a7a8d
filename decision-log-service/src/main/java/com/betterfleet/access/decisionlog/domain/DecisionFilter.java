package com.betterfleet.access.decisionlog.domain;

import java.util.Objects;
import java.util.Set;

/**
 * What a decision search matches; null fields do not filter.
 *
 * @param idHashes the keyed hashes of a searched raw identifier (empty: no identifier filter)
 */
public record DecisionFilter(
        CallerScope scope,
        String chargerId,
        String depotId,
        DecisionOutcome decision,
        String reason,
        TimeRange range,
        Set<String> idHashes) {

    public DecisionFilter {
        Objects.requireNonNull(scope, "scope");
        range = range == null ? TimeRange.UNBOUNDED : range;
        idHashes = idHashes == null ? Set.of() : Set.copyOf(idHashes);
    }
}
