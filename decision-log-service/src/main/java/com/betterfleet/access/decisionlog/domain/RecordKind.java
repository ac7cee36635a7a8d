package com.betterfleet.access.decisionlog.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a record is: {@code decision} for {@code charger_access.decision_recorded}, otherwise the
 * event name of the {@code charger_access.*} type ({@code expected_mode_changed}, ...). Types this
 * version does not know yet are still kept as timeline records under their own name (additive
 * evolution of the contracts).
 */
public record RecordKind(String value) {
    public static final String EVENT_TYPE_PREFIX = "charger_access.";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public static final RecordKind DECISION = new RecordKind("decision");
    public static final RecordKind EXPECTED_MODE_CHANGED = new RecordKind("expected_mode_changed");
    public static final RecordKind MODE_CHANGE_REQUESTED = new RecordKind("mode_change_requested");
    public static final RecordKind MODE_CHANGE_CONFIRMED = new RecordKind("mode_change_confirmed");
    public static final RecordKind MODE_CHANGE_FAILED = new RecordKind("mode_change_failed");
    public static final RecordKind POLICY_CHANGED = new RecordKind("policy_changed");
    public static final RecordKind CAPABILITY_CHANGED = new RecordKind("capability_changed");

    /** The kinds the contracts define today, decision first. */
    public static final List<RecordKind> KNOWN = List.of(DECISION, EXPECTED_MODE_CHANGED, MODE_CHANGE_REQUESTED,
            MODE_CHANGE_CONFIRMED, MODE_CHANGE_FAILED, POLICY_CHANGED, CAPABILITY_CHANGED);

    public RecordKind {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("record kind must be a lower-case name");
        }
    }

    /** The kind of a CloudEvent type, or empty when the type is not a {@code charger_access.*} type. */
    public static Optional<RecordKind> ofEventType(String type) {
        if (type == null || !type.startsWith(EVENT_TYPE_PREFIX)) {
            return Optional.empty();
        }
        String name = type.substring(EVENT_TYPE_PREFIX.length());
        if ("decision_recorded".equals(name)) {
            return Optional.of(DECISION);
        }
        return NAME.matcher(name).matches() ? Optional.of(new RecordKind(name)) : Optional.empty();
    }

    /**
     * A kind named in a query parameter: any name a record can be stored under, not only the
     * {@link #KNOWN} ones, since a type this version does not know is kept under its own name.
     */
    public static Optional<RecordKind> named(String value) {
        return value != null && NAME.matcher(value).matches() ? Optional.of(new RecordKind(value)) : Optional.empty();
    }

    public boolean isDecision() {
        return DECISION.equals(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
