package com.betterfleet.access.decisionlog.domain;

import java.util.Map;

/**
 * What appending a batch did, per record kind: how many records were new and how many were
 * already in the log (redeliveries; ignored).
 */
public record StoreResult(Map<RecordKind, Integer> stored, Map<RecordKind, Integer> duplicates) {
    public StoreResult {
        stored = Map.copyOf(stored);
        duplicates = Map.copyOf(duplicates);
    }

    public static StoreResult empty() {
        return new StoreResult(Map.of(), Map.of());
    }

    public int storedCount() {
        return stored.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int duplicateCount() {
        return duplicates.values().stream().mapToInt(Integer::intValue).sum();
    }
}
