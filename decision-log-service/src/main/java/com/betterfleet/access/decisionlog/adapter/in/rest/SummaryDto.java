package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.util.List;

import com.betterfleet.access.decisionlog.domain.Summary;

/**
 * Decision counts over [from, to). Groups: largest first (hour: oldest first); {@code truncated}
 * when more groups exist than were returned (the largest are kept; hours: the newest).
 */
public record SummaryDto(String from, String to, String groupBy, long total, boolean truncated, List<Group> groups) {
    public record Group(String key, long total, long allowed, long denied) {
    }

    static SummaryDto of(Summary summary) {
        return new SummaryDto(DecisionDto.iso(summary.range().from()), DecisionDto.iso(summary.range().to()),
                summary.groupBy().wire(), summary.total(), summary.truncated(),
                summary.groups().stream().map(g -> new Group(g.key(), g.total(), g.allowed(), g.denied())).toList());
    }
}
