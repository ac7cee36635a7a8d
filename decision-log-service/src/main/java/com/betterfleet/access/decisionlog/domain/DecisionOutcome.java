package com.betterfleet.access.decisionlog.domain;

import java.util.Arrays;
import java.util.Optional;

/** {@code allowed} or {@code denied}. A denial is an access-control outcome, never a fault. */
public enum DecisionOutcome {
    ALLOWED("allowed"), DENIED("denied");

    private final String wire;

    DecisionOutcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DecisionOutcome> of(String wire) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst();
    }
}
