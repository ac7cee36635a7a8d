package com.betterfleet.access.accesspolicy.schedule.domain;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Tests spell instants with an explicit offset so that they never depend on the engine's own zone reading. */
final class Instants {
    private Instants() {
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
