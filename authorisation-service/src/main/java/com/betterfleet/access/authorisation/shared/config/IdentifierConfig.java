package com.betterfleet.access.authorisation.shared.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Identifier hashing and the registry. */
@ConfigMapping(prefix = "access.identifiers")
public interface IdentifierConfig {
    /**
     * HMAC-SHA256 key for {@code idHash}. Secret; from the environment variable
     * {@code ACCESS_ID_PEPPER} in production, shared with decision-log-service.
     */
    String pepper();

    /** Most items one {@code POST /api/v1/identifiers:batch} may carry. */
    @WithDefault("1000")
    int batchMaxItems();

    /** Default page size of {@code GET /api/v1/identifiers}. */
    @WithDefault("100")
    int pageSize();

    /** Largest page size a caller may ask for. */
    @WithDefault("500")
    int maxPageSize();

    /**
     * How long a deleted identifier's tombstone is kept. Replicas learn of the delete within
     * seconds; the tombstone's changedAt then only refuses a late, older upsert of the same
     * identifier, which a redelivery or a reordered feed brings within hours, not weeks.
     */
    @WithDefault("P30D")
    Duration tombstoneRetention();

    /** How often each replica removes tombstones older than {@link #tombstoneRetention()}. */
    @WithDefault("1h")
    Duration tombstonePurgeEvery();
}
