package com.betterfleet.access.decisionlog.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identifier normalisation, hashing and masking exactly as docs/architecture.md (Identifiers) and
 * docs/contracts/identifier-hash-vectors.json define them, so that a raw identifier a support user
 * searches for hashes to the {@code idHash} authorisation-service stored.
 *
 * <p>Never log or keep the raw value this class is given.
 */
public final class IdentifierHasher {
    private static final String HMAC = "HmacSHA256";
    /** Types whose hex values are canonicalised; {@code null} (OCPP 1.6 idTag) too. */
    private static final Set<String> HEX_TYPES = Set.of("ISO14443", "ISO15693", "MacAddress");
    /** Hex octets, optionally separated by ':', '-' or ' '. */
    private static final Pattern HEX_OCTETS = Pattern.compile("[0-9A-Fa-f]{2}([:\\- ]?[0-9A-Fa-f]{2})*");
    private static final Pattern SEPARATORS = Pattern.compile("[:\\- ]");
    private static final String MASK = "\u2022\u2022\u2022\u2022";

    private final SecretKeySpec key;

    public IdentifierHasher(String pepper) {
        if (pepper == null || pepper.isBlank()) {
            throw new IllegalArgumentException("identifier pepper must be set");
        }
        this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), HMAC);
        mac(); // fail at construction, not at the first search
    }

    /** Trimmed; hex RFID UIDs and MACs upper-cased without separators. */
    public static String normalise(String idToken, String idTokenType) {
        String trimmed = idToken.strip();
        if (hexCanonicalised(idTokenType) && HEX_OCTETS.matcher(trimmed).matches()) {
            return SEPARATORS.matcher(trimmed).replaceAll("").toUpperCase(Locale.ROOT);
        }
        return trimmed;
    }

    /** Hex HMAC-SHA256(pepper, UTF-8 normalised identifier). */
    public String hash(String idToken, String idTokenType) {
        byte[] digest = mac().doFinal(normalise(idToken, idTokenType).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /**
     * The hashes a search for a raw identifier matches. With a type: that type's hash. Without a
     * type: the hash as an OCPP 1.6 idTag, and also the trimmed-only hash when that differs (the
     * same hex-looking value recorded under a type that is not canonicalised, e.g. KeyCode).
     */
    public Set<String> searchHashes(String idToken, String idTokenType) {
        if (idTokenType != null) {
            return Set.of(hash(idToken, idTokenType));
        }
        String asIdTag = hash(idToken, null);
        String trimmedOnly = hash(idToken, "Local");
        return asIdTag.equals(trimmedOnly) ? Set.of(asIdTag) : Set.of(asIdTag, trimmedOnly);
    }

    /** Type label plus the last 4 characters of the normalised value; 4 or fewer: fully masked. */
    public static String mask(String idToken, String idTokenType) {
        String normalised = normalise(idToken, idTokenType);
        String label = label(normalised, idTokenType);
        int length = normalised.codePointCount(0, normalised.length());
        if (length <= 4) {
            return label + " " + MASK;
        }
        int start = normalised.offsetByCodePoints(0, length - 4);
        return label + " " + MASK + normalised.substring(start);
    }

    private static String label(String normalised, String idTokenType) {
        if (idTokenType == null) {
            return HEX_OCTETS.matcher(normalised).matches() ? "RFID" : "idTag";
        }
        return switch (idTokenType) {
            case "ISO14443", "ISO15693" -> "RFID";
            case "MacAddress" -> "MAC";
            default -> idTokenType;
        };
    }

    private static boolean hexCanonicalised(String idTokenType) {
        return idTokenType == null || HEX_TYPES.contains(idTokenType);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "IdentifierHasher[pepper=***]";
    }
}
