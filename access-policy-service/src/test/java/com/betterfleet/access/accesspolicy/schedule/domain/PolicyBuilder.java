package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Test data builder: {@code policy("Europe/London").freevendByDefault().with(window(...)).build()}. */
final class PolicyBuilder {
    private final ZoneId zone;
    private AccessMode defaultMode = AccessMode.FREEVEND;
    private final List<ScheduleWindow> windows = new ArrayList<>();
    private AccessOverride override;
    private long version = 1;

    private PolicyBuilder(ZoneId zone) {
        this.zone = zone;
    }

    static PolicyBuilder policy(String zone) {
        return new PolicyBuilder(ZoneId.of(zone));
    }

    PolicyBuilder freevendByDefault() {
        defaultMode = AccessMode.FREEVEND;
        return this;
    }

    PolicyBuilder managedByDefault() {
        defaultMode = AccessMode.MANAGED_ACCESS;
        return this;
    }

    PolicyBuilder with(WindowBuilder window) {
        windows.add(window.build());
        return this;
    }

    PolicyBuilder override(AccessMode mode, Instant until) {
        override = new AccessOverride(mode, until, "test");
        return this;
    }

    PolicyBuilder version(long version) {
        this.version = version;
        return this;
    }

    AccessPolicy build() {
        return new AccessPolicy(zone, defaultMode, windows, override, version);
    }
}
