package com.betterfleet.access.decisionlog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** The opaque keyset cursor. */
class CursorTest {
    @Property(tries = 300)
    void decodesWhatItEncodes(@ForAll @LongRange(min = 0, max = 4_102_444_800_000_000L) long micros,
            @ForAll @StringLength(min = 1, max = 100) @CharRange(from = ' ', to = '~') @CharRange(from = '\u00a0', to = '\u07ff') String recordId) {
        Cursor cursor = new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), recordId);
        assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode()));
    }

    @Property(tries = 300)
    void anyOtherStringIsRefusedWithoutAnException(@ForAll @StringLength(max = 500) String garbage) {
        Cursor.decode(garbage).ifPresent(cursor -> assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode())));
    }
}
