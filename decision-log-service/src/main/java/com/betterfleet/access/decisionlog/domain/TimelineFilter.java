package com.betterfleet.access.decisionlog.domain;

import java.util.List;
import java.util.Objects;

/**
 * One charger's timeline: every record kind, or only the listed ones.
 */
public record TimelineFilter(CallerScope scope, String chargerId, TimeRange range, List<RecordKind> kinds) {
    public TimelineFilter {
        Objects.requireNonNull(scope, "scope");
        ChargerIds.requireValid(chargerId);
        range = range == null ? TimeRange.UNBOUNDED : range;
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
}
