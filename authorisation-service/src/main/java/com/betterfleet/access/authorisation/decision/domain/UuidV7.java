package com.betterfleet.access.authorisation.decision.domain;

import java.util.UUID;

/** RFC 9562 version 7 UUIDs: 48-bit Unix milliseconds, then random bits. */
public final class UuidV7 {
    private UuidV7() {
    }

    /**
     * @param epochMillis the time part
     * @param randA 12 random bits are used
     * @param randB 62 random bits are used
     */
    public static UUID of(long epochMillis, long randA, long randB) {
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** The millisecond timestamp of a version 7 UUID. */
    public static long epochMillis(UUID uuid) {
        return uuid.getMostSignificantBits() >>> 16;
    }
}
