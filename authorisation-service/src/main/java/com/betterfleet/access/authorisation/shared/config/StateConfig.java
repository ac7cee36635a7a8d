package com.betterfleet.access.authorisation.shared.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The in-memory state every replica decides from, and how replicas keep it current. */
@ConfigMapping(prefix = "access.state")
public interface StateConfig {
    /**
     * How often each replica reads the changes other replicas committed (rows with a higher
     * {@code change_seq}). Every change is seen by every replica within about this interval plus a
     * query.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Rows read per query while loading or catching up. */
    @WithDefault("5000")
    int pageSize();

    /**
     * Replication counts as behind (readiness data {@code syncCurrent: false}, a WARN line) when
     * identifiers or charger states were last read completely longer ago than this. Well above the
     * poll interval and the 2 s propagation target, so a slow query or two do not raise it.
     */
    @WithDefault("30s")
    Duration maxSyncAge();
}
