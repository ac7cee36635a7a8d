package com.betterfleet.access.decisionlog.domain;

import java.util.List;
import java.util.Optional;

/** One page of records, newest first, and where the next one starts (empty on the last page). */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Cuts a result fetched with {@code limit + 1} rows down to {@code limit}; the extra row only
     * tells that a next page exists.
     */
    public static <T extends AccessRecord> Page<T> ofLookahead(List<T> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> page = fetched.subList(0, limit);
        return new Page<>(page, Optional.of(page.get(limit - 1).position()));
    }
}
