package com.betterfleet.access.authorisation.decision.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class UuidV7Test {
    @Property
    void isVersionSevenWithTheTimestampInFront(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long millis,
            @ForAll long a, @ForAll long b) {
        UUID id = UuidV7.of(millis, a, b);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, UuidV7.epochMillis(id));
    }
}
