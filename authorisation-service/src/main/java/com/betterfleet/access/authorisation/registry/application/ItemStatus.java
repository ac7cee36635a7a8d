package com.betterfleet.access.authorisation.registry.application;

/** Per-item result of a registry change. */
public enum ItemStatus {
    CREATED("created"),
    UPDATED("updated"),
    DELETED("deleted"),
    NOT_FOUND("not_found"),
    REJECTED("rejected"),
    /**
     * Skipped: not newer than the change already applied to the identifier (a redelivered or
     * reordered item; identifier-item.schema.json {@code changedAt}). Nothing changed; the item is
     * acknowledged like an applied one and needs no resend.
     */
    STALE("stale");

    private final String wire;

    ItemStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
