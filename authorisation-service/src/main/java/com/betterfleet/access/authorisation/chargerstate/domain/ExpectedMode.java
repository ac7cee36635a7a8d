package com.betterfleet.access.authorisation.chargerstate.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The expected mode of a charger as announced by access-policy-service
 * ({@code charger_access.expected_mode_changed}).
 *
 * @param effectiveAt when this mode started
 * @param until the next boundary of any kind (mode, source or window), or null if none is known
 * @param modeUntilAnnounced whether the event carried {@code modeUntil}; older producers do not send
 *        it, and then {@code until} is all that is known of the end of the mode
 * @param modeUntil the first change of the access mode itself, or null: none within the producer's
 *        horizon (when announced) or not sent
 * @param announcedAt when the producer announced it (the event's {@code time}), or null when not
 *        known (state stored before it was kept); orders announcements of the same mode
 */
public record ExpectedMode(AccessMode mode, Instant effectiveAt, Instant until, PolicySource source, String windowId,
        long policyVersion, boolean modeUntilAnnounced, Instant modeUntil, Instant announcedAt) {

    public ExpectedMode {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(source, "source");
        if (policyVersion < 0) {
            throw new IllegalArgumentException("policyVersion must not be negative");
        }
        if (!modeUntilAnnounced && modeUntil != null) {
            throw new IllegalArgumentException("modeUntil must be announced to be set");
        }
    }

    /** An expected mode whose announcement time is not known. */
    public ExpectedMode(AccessMode mode, Instant effectiveAt, Instant until, PolicySource source, String windowId,
            long policyVersion, boolean modeUntilAnnounced, Instant modeUntil) {
        this(mode, effectiveAt, until, source, windowId, policyVersion, modeUntilAnnounced, modeUntil, null);
    }

    /** An expected mode from a producer that does not send {@code modeUntil}. */
    public ExpectedMode(AccessMode mode, Instant effectiveAt, Instant until, PolicySource source, String windowId,
            long policyVersion) {
        this(mode, effectiveAt, until, source, windowId, policyVersion, false, null);
    }

    /**
     * When this access mode ends as far as announced, or null if no end is known: {@code modeUntil}
     * when announced, else {@code until}. Without {@code modeUntil} the next boundary is the safe
     * stand-in: it is never later than the change of mode, only sometimes earlier.
     */
    public Instant modeEnd() {
        return modeUntilAnnounced ? modeUntil : until;
    }

    /**
     * Ordering of expected modes: by policy version, then by effective time, then by announcement.
     * The last step matters when the producer announces the same mode again with a moved end
     * ({@code until} / {@code modeUntil}; e.g. its horizon rolled forward and now reaches the next
     * change): same version, same effective time, later {@code time}. An unknown announcement time
     * counts as earlier than any known one; equal ones are the same announcement (a redelivery).
     */
    public boolean isNewerThan(ExpectedMode other) {
        if (policyVersion != other.policyVersion) {
            return policyVersion > other.policyVersion;
        }
        if (!effectiveAt.equals(other.effectiveAt)) {
            return effectiveAt.isAfter(other.effectiveAt);
        }
        return announcedAt != null && (other.announcedAt == null || announcedAt.isAfter(other.announcedAt));
    }
}
