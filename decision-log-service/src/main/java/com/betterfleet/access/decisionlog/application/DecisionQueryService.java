package com.betterfleet.access.decisionlog.application;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.decisionlog.application.port.AccessRecordStore;
import com.betterfleet.access.decisionlog.domain.Cursor;
import com.betterfleet.access.decisionlog.domain.DecisionFilter;
import com.betterfleet.access.decisionlog.domain.DecisionRecord;
import com.betterfleet.access.decisionlog.domain.Page;
import com.betterfleet.access.decisionlog.domain.Summary;
import com.betterfleet.access.decisionlog.domain.SummaryGroupBy;
import com.betterfleet.access.decisionlog.domain.SummaryRow;

import io.smallrye.mutiny.Uni;

/** Decision search and dashboard counts (use cases). Inputs arrive validated. */
@ApplicationScoped
public class DecisionQueryService {
    private final AccessRecordStore store;

    public DecisionQueryService(AccessRecordStore store) {
        this.store = store;
    }

    /** One page of decisions, newest first. */
    public Uni<Page<DecisionRecord>> search(DecisionFilter filter, Optional<Cursor> after, int limit) {
        return store.findDecisions(filter, after, limit + 1).map(rows -> Page.ofLookahead(rows, limit));
    }

    /**
     * Counts per group over the filter's time range. Beyond {@code maxGroups} the largest groups are
     * kept, and for hours the newest: a range of 93 days has 2,232 hours, and a dashboard plotting
     * it wants the hours up to now, not the first 1,000 of the range.
     */
    public Uni<Summary> summarise(DecisionFilter filter, SummaryGroupBy groupBy, int maxGroups) {
        return store.summarise(filter, groupBy, maxGroups + 1).map(result -> {
            List<SummaryRow> rows = result.rows();
            boolean truncated = rows.size() > maxGroups;
            List<SummaryRow> kept = !truncated ? rows
                    : groupBy == SummaryGroupBy.HOUR ? rows.subList(rows.size() - maxGroups, rows.size())
                    : rows.subList(0, maxGroups);
            return new Summary(filter.range(), groupBy, kept, result.total(), truncated);
        });
    }
}
