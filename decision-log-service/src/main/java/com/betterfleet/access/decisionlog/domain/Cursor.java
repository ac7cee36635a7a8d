package com.betterfleet.access.decisionlog.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A keyset position in newest-first order: the next page holds records strictly before
 * ({@code occurredAt}, {@code recordId}). Opaque to clients: URL-safe base64 of
 * {@code v1:<epoch micros>:<recordId>}.
 */
public record Cursor(Instant occurredAt, String recordId) {
    private static final String VERSION = "v1";
    private static final int MAX_ENCODED_LENGTH = 400;

    public Cursor {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordId, "recordId");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    public String encode() {
        // Not ChronoUnit.MICROS.between: on JDK 17 it counts nanoseconds first, which overflow a long
        // after 2262; records may be dated up to 9999.
        long micros = Math.addExact(Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L),
                occurredAt.getNano() / 1_000);
        String plain = VERSION + ":" + micros + ":" + recordId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or empty when it is not one this service made. */
    public static Optional<Cursor> decode(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.length() > MAX_ENCODED_LENGTH) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty() || ControlCharacters.in(parts[2])) {
                return Optional.empty();
            }
            long micros = Long.parseLong(parts[1]);
            return Optional.of(new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), parts[2]));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
