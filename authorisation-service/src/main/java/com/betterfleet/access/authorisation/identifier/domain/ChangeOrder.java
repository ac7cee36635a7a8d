package com.betterfleet.access.authorisation.identifier.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Whether a registry change may replace what is stored under its key (account, idHash). The
 * identifier feed is at least once and may redeliver or reorder messages, and Manage Core may also
 * resend through the batch API: without this rule an old upsert arriving after a newer delete
 * would bring the identifier back, or an old "active" would lift a newer block.
 *
 * <p>Each key remembers the {@code changedAt} of the last change applied to it (a delete keeps it
 * on the tombstone). A change is compared with it:
 * <ul>
 * <li>with {@code changedAt}: applies only if strictly newer. Equal is a redelivery of the change
 * already applied, so it is skipped too (idempotent, no second change);</li>
 * <li>without {@code changedAt} (producers that predate the field, an operator's manual batch, e.g. an
 * emergency block): always applies (last writer wins), and is stamped with the later of when it was
 * applied ({@code appliedAt}, the database clock) and the stored changedAt, so that a dated item
 * older than it is still recognised as stale however far the producer's clock runs ahead;</li>
 * <li>nothing stored, or a row written before {@code changedAt} existed: always applies.</li>
 * </ul>
 * Instants compare at microsecond precision, what PostgreSQL {@code timestamptz} keeps. Two different
 * changes of one identifier must therefore carry different changedAt values (the item schema says so):
 * an equal one is taken for a redelivery.
 */
public final class ChangeOrder {
    private ChangeOrder() {
    }

    /**
     * @param changedAt the item's changedAt, or null
     * @param stored the changedAt of the last change applied to the key, or null if unknown
     * @param appliedAt when this change is applied (one value for a whole batch)
     */
    public static boolean supersedes(Instant changedAt, Instant stored, Instant appliedAt) {
        if (stored == null) {
            return true;
        }
        if (changedAt == null) {
            return true;
        }
        return micros(changedAt).isAfter(micros(stored));
    }

    /** The changedAt to store for a change that applied over {@code stored} (null: none). */
    public static Instant stamp(Instant changedAt, Instant stored, Instant appliedAt) {
        if (changedAt != null) {
            return micros(changedAt);
        }
        return stored != null && stored.isAfter(appliedAt) ? micros(stored) : micros(appliedAt);
    }

    /** Truncated to what the database stores, so a redelivered item compares equal to its stored self. */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
