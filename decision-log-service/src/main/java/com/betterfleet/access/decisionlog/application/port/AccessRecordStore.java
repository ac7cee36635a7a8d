package com.betterfleet.access.decisionlog.application.port;

import java.util.List;
import java.util.Optional;

import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.CallerScope;
import com.betterfleet.access.decisionlog.domain.Cursor;
import com.betterfleet.access.decisionlog.domain.DecisionFilter;
import com.betterfleet.access.decisionlog.domain.DecisionRecord;
import com.betterfleet.access.decisionlog.domain.StoreResult;
import com.betterfleet.access.decisionlog.domain.SummaryGroupBy;
import com.betterfleet.access.decisionlog.domain.SummaryRow;
import com.betterfleet.access.decisionlog.domain.TimelineFilter;

import io.smallrye.mutiny.Uni;

/** The append-only record store (outgoing port). */
public interface AccessRecordStore {
    /**
     * Appends the records in one transaction; records already present (same record id and time)
     * are skipped. Completes only after the commit.
     */
    Uni<StoreResult> append(List<AccessRecord> records);

    /** Decisions matching the filter, newest first, strictly after the cursor, at most {@code max}. */
    Uni<List<DecisionRecord>> findDecisions(DecisionFilter filter, Optional<Cursor> after, int max);

    /**
     * Group counts, largest first, at most {@code maxGroups}, and the overall total. Hours: the newest
     * {@code maxGroups}, oldest first.
     */
    Uni<SummaryRows> summarise(DecisionFilter filter, SummaryGroupBy groupBy, int maxGroups);

    /** One charger's records of every (or the listed) kind, newest first, strictly after the cursor. */
    Uni<List<AccessRecord>> findTimeline(TimelineFilter filter, Optional<Cursor> after, int max);

    /** Whether the log holds any record of this charger the caller may see. */
    Uni<Boolean> chargerVisible(String chargerId, CallerScope scope);

    /** Summary query result: the groups fetched and the total over all groups. */
    record SummaryRows(List<SummaryRow> rows, long total) {
    }
}
