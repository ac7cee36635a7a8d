package com.betterfleet.access.decisionlog.domain;

/** Decision counts of one group (a reason, a charger or an hour starting at {@code key}). */
public record SummaryRow(String key, long total, long allowed, long denied) {
}
