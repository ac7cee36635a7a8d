package com.betterfleet.access.authorisation.identifier.domain;

import java.util.Optional;

/**
 * OCPP 2.0.1 IdTokenType values. An OCPP 1.6 idTag has no type: it is represented by {@code null}
 * wherever a type is optional.
 */
public enum IdTokenType {
    ISO14443("RFID", true, true),
    ISO15693("RFID", true, true),
    MacAddress("MAC", true, true),
    eMAID("eMAID", false, true),
    KeyCode("KeyCode", false, true),
    Local("Local", false, true),
    Central("Central", false, true),
    /** OCPP 2.0.1 only; accepted by Authorize, never stored in the registry. */
    NoAuthorization("NoAuthorization", false, false);

    private final String maskLabel;
    private final boolean hexNormalised;
    private final boolean registrable;

    IdTokenType(String maskLabel, boolean hexNormalised, boolean registrable) {
        this.maskLabel = maskLabel;
        this.hexNormalised = hexNormalised;
        this.registrable = registrable;
    }

    /** The label of an {@code idMask} (e.g. {@code RFID}). */
    public String maskLabel() {
        return maskLabel;
    }

    /** Whether hex-octet values of this type are upper-cased and stripped of separators. */
    public boolean hexNormalised() {
        return hexNormalised;
    }

    /** Whether the identifier registry accepts this type (identifier-item.schema.json). */
    public boolean registrable() {
        return registrable;
    }

    /** The type with exactly this wire name (case-sensitive, as in OCPP). */
    public static Optional<IdTokenType> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (IdTokenType type : values()) {
            if (type.name().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
