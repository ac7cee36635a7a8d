package com.betterfleet.access.accesspolicy.policy.application;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessOverride;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessPolicy;
import com.betterfleet.access.accesspolicy.schedule.domain.ScheduleWindow;
import com.betterfleet.access.accesspolicy.shared.application.FieldViolation;

/**
 * A policy as a PUT asks for it, before it gets a version. Valid on construction (the domain
 * types check windows, ids and the override); overlaps and the override's {@code until} depend on
 * other windows and on the clock, and are checked when it is saved.
 *
 * @param override {@code null} for none
 */
public record PolicyDraft(
        String accountId,
        String depotId,
        ZoneId timeZone,
        AccessMode defaultMode,
        List<ScheduleWindow> windows,
        AccessOverride override) {

    public PolicyDraft {
        Objects.requireNonNull(accountId, "accountId");
        windows = List.copyOf(windows);
        new AccessPolicy(timeZone, defaultMode, windows, override, 1);
    }

    public AccessPolicy toPolicy(long version) {
        return new AccessPolicy(timeZone, defaultMode, windows, override, version);
    }

    public static final String MANAGED_ACCESS_UNSUPPORTED =
            "managed_access is not possible on a charger whose capability is unsupported";

    /** Every place where a PUT access-policy body asks for managed access, as request fields. */
    public static List<FieldViolation> managedAccessFields(AccessPolicy policy) {
        List<FieldViolation> fields = new ArrayList<>();
        String message = MANAGED_ACCESS_UNSUPPORTED;
        if (policy.defaultMode() == AccessMode.MANAGED_ACCESS) {
            fields.add(new FieldViolation("defaultMode", message));
        }
        for (int i = 0; i < policy.windows().size(); i++) {
            if (policy.windows().get(i).mode() == AccessMode.MANAGED_ACCESS) {
                fields.add(new FieldViolation("windows[" + i + "].mode", message));
            }
        }
        if (policy.override() != null && policy.override().mode() == AccessMode.MANAGED_ACCESS) {
            fields.add(new FieldViolation("override.mode", message));
        }
        return fields;
    }
}
