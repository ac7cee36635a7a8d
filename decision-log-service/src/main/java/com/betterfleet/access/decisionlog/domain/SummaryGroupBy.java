package com.betterfleet.access.decisionlog.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How decision counts are grouped: by reason, by charger, or by UTC hour. */
public enum SummaryGroupBy {
    REASON, CHARGER, HOUR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SummaryGroupBy> of(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(wire)).findFirst();
    }
}
