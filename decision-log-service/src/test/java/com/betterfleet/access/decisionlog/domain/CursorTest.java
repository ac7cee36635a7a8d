package com.betterfleet.access.decisionlog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Example;
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

    /** Records may be dated up to 9999; counting microseconds through nanoseconds overflows after 2262. */
    @Example
    void encodesInstantsUpToTheEndOfTheSupportedRange() {
        for (Instant at : List.of(Instant.parse("2262-04-11T23:47:16.854775Z"), Instant.parse("2262-04-12T00:00:00Z"),
                Instant.parse("2300-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"))) {
            Cursor cursor = new Cursor(at, "01900000-0000-7000-8000-000000000000");
            assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode()), at.toString());
        }
    }

    @Example
    void refusesARecordIdWithControlCharacters() {
        for (String recordId : List.of("\u0000", "evt-\u0000-1", "evt\t1", "evt\u007f1", "evt\u00851")) {
            assertEquals(Optional.empty(), Cursor.decode(new Cursor(Instant.EPOCH, recordId).encode()), recordId);
        }
    }

    @Property(tries = 300)
    void anyOtherStringIsRefusedWithoutAnException(@ForAll @StringLength(max = 500) String garbage) {
        Cursor.decode(garbage).ifPresent(cursor -> assertEquals(Optional.of(cursor), Cursor.decode(cursor.encode())));
    }
}
