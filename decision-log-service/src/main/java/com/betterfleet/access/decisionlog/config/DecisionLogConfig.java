package com.betterfleet.access.decisionlog.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of decision-log-service ({@code access.decision-log.*}). */
@ConfigMapping(prefix = "access.decision-log")
public interface DecisionLogConfig {
    /**
     * How many whole months of records are kept before the current month. Older month
     * partitions are detached and dropped by the maintenance job; at least 1.
     */
    @WithDefault("24")
    int retentionMonths();

    /** How many months ahead of the current one get their partition in advance; at least 1. */
    @WithDefault("3")
    int partitionsAheadMonths();

    /** How often the partition maintenance (creation ahead, retention) runs, e.g. {@code 1h}. */
    @WithDefault("1h")
    String maintenanceEvery();

    /** Consumption from the broker. */
    Ingest ingest();

    /** Query API limits. */
    Query query();

    interface Ingest {
        /** At most this many messages are stored with one INSERT and one commit. */
        @WithDefault("200")
        int batchSize();

        /** A batch is stored at the latest this long after its first message arrived. */
        @WithDefault("PT0.02S")
        Duration batchWindow();

        /** Wait before the next batch after a failed store (doubles per failure in a row). */
        @WithDefault("PT0.5S")
        Duration retryInitialDelay();

        /** Upper bound of that wait. */
        @WithDefault("PT30S")
        Duration retryMaxDelay();
    }

    interface Query {
        /** Page size when the caller gives no {@code limit}. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest {@code limit} accepted. */
        @WithDefault("500")
        int maxLimit();

        /** Longest {@code from}..{@code to} range a summary may cover. */
        @WithDefault("P93D")
        Duration summaryMaxRange();

        /** Range of a summary without {@code from}/{@code to}: the last this long. */
        @WithDefault("P1D")
        Duration summaryDefaultRange();

        /** Most groups a summary returns (the largest; hours: the newest); more sets {@code truncated}. */
        @WithDefault("1000")
        int summaryMaxGroups();

        /**
         * Roles that make a token without an {@code account_id} claim a machine caller that
         * reads across accounts. A viewer token with neither is refused (403).
         */
        @WithDefault("access-authoriser,identifier-sync")
        List<String> m2mRoles();

        /**
         * How long PostgreSQL lets one statement of a query run before stopping it (a 504 problem
         * follows), as a PostgreSQL duration ({@code 10s}, {@code 500ms}). The query pool passes
         * it to every connection as {@code statement_timeout} (application.properties); ingestion's
         * pool has none.
         */
        @WithDefault("10s")
        String statementTimeout();
    }
}
