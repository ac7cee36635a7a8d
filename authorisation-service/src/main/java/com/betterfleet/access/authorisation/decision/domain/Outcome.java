package com.betterfleet.access.authorisation.decision.domain;

/** The access-control outcome of a decision. A denial is never an incident or a charger fault. */
public enum Outcome {
    ALLOWED("allowed"),
    DENIED("denied");

    private final String wire;

    Outcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
