package com.betterfleet.access.decisionlog.domain;

import java.util.List;

/**
 * Decision counts for a time range.
 *
 * @param truncated true when there were more groups than returned (largest groups are kept; hours: the newest)
 */
public record Summary(TimeRange range, SummaryGroupBy groupBy, List<SummaryRow> groups, long total, boolean truncated) {
    public Summary {
        groups = List.copyOf(groups);
    }
}
