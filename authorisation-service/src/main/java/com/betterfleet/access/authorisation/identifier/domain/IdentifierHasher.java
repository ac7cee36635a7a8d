package com.betterfleet.access.authorisation.identifier.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code idHash} = hex HMAC-SHA256(pepper, UTF-8 normalised identifier). Thread-safe: one
 * {@link Mac} per thread.
 */
public final class IdentifierHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public IdentifierHasher(String pepper) {
        if (pepper == null || pepper.isBlank()) {
            throw new IllegalArgumentException("the identifier pepper must not be empty");
        }
        this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** Normalises, hashes and masks a raw identifier; {@code type} null means OCPP 1.6 idTag. */
    public HashedIdentifier hash(String raw, IdTokenType type) {
        String trimmed = raw.strip();
        String normalised = IdentifierNormaliser.normalise(trimmed, type);
        String label = IdentifierNormaliser.maskLabel(trimmed, type);
        return new HashedIdentifier(hashNormalised(normalised), MaskedIdentifier.mask(label, normalised), type);
    }

    /**
     * The second hash an untyped idTag (OCPP 1.6, {@code type} null) is looked up by, or null when
     * it has none. The charger does not say what kind of token it read, while registrations are
     * typed and only ISO14443, ISO15693 and MacAddress apply the hex rule: a KeyCode, Local, eMAID or
     * Central registered as {@code ab12cd34} is stored trimmed only, where the idTag hash
     * ({@link #hash}) upper-cases it. This is the trimmed-only hash, present exactly when the hex
     * rule changed the value, so that registration is found too. A typed token has one normalised
     * form and no second hash. Usually null without allocating (no HMAC is computed): hot path.
     */
    public String verbatimHash(String raw, IdTokenType type) {
        if (type != null) {
            return null;
        }
        String trimmed = raw.strip();
        return IdentifierNormaliser.hexRuleChanges(trimmed) ? hashNormalised(trimmed) : null;
    }

    /**
     * The mask, under {@code label}, of the value {@link #verbatimHash} hashes: what a registration
     * found by that hash has stored (its type keeps the value as it is, trimmed).
     */
    public String verbatimMask(String raw, String label) {
        return MaskedIdentifier.mask(label, raw.strip());
    }

    /** Hex HMAC of an already normalised value. */
    public String hashNormalised(String normalised) {
        byte[] digest = macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[i * 2] = HEX[(digest[i] >> 4) & 0xF];
            out[i * 2 + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
