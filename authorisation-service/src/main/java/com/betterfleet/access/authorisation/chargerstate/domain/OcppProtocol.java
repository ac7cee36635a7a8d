package com.betterfleet.access.authorisation.chargerstate.domain;

import java.util.Optional;

/** The OCPP version a charger speaks; it decides the status vocabulary and the idToken length limit. */
public enum OcppProtocol {
    OCPP16("ocpp1.6", 20),
    OCPP201("ocpp2.0.1", 36);

    private final String wire;
    private final int maxIdTokenLength;

    OcppProtocol(String wire, int maxIdTokenLength) {
        this.wire = wire;
        this.maxIdTokenLength = maxIdTokenLength;
    }

    public String wire() {
        return wire;
    }

    /** OCPP 1.6 idTag is CiString20; OCPP 2.0.1 idToken is identifierString 36. */
    public int maxIdTokenLength() {
        return maxIdTokenLength;
    }

    public static Optional<OcppProtocol> fromWire(String value) {
        for (OcppProtocol p : values()) {
            if (p.wire.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
