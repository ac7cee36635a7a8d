package com.betterfleet.access.authorisation.registry.application;

/** Per-item result of a registry change. */
public enum ItemStatus {
    CREATED("created"),
    UPDATED("updated"),
    DELETED("deleted"),
    NOT_FOUND("not_found"),
    REJECTED("rejected");

    private final String wire;

    ItemStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
