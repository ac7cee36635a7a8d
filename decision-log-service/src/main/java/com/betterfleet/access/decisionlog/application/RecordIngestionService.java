package com.betterfleet.access.decisionlog.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.decisionlog.application.port.AccessRecordStore;
import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.RecordKind;
import com.betterfleet.access.decisionlog.domain.StoreResult;

import io.smallrye.mutiny.Uni;

/** Appends received records to the log, once each (use case). */
@ApplicationScoped
public class RecordIngestionService {
    private final AccessRecordStore store;

    public RecordIngestionService(AccessRecordStore store) {
        this.store = store;
    }

    /**
     * Stores a batch; a record already stored, or twice in the batch, is counted as a duplicate.
     * The returned Uni completes after the commit, or fails and nothing of the batch is stored.
     */
    public Uni<StoreResult> append(List<AccessRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(StoreResult.empty());
        }
        Map<String, AccessRecord> unique = new LinkedHashMap<>();
        List<AccessRecord> repeated = new ArrayList<>();
        for (AccessRecord record : records) {
            String key = record.recordId() + "@" + record.occurredAt();
            if (unique.putIfAbsent(key, record) != null) {
                repeated.add(record);
            }
        }
        return store.append(List.copyOf(unique.values())).map(result -> withRepeats(result, repeated));
    }

    private static StoreResult withRepeats(StoreResult result, List<AccessRecord> repeated) {
        if (repeated.isEmpty()) {
            return result;
        }
        Map<RecordKind, Integer> duplicates = new LinkedHashMap<>(result.duplicates());
        repeated.forEach(r -> duplicates.merge(r.kind(), 1, Integer::sum));
        return new StoreResult(result.stored(), duplicates);
    }
}
