package com.betterfleet.access.accesspolicy.capability.domain;

/** The OCPP version a charger speaks. */
public enum Protocol {
    OCPP_1_6("ocpp1.6"),
    OCPP_2_0_1("ocpp2.0.1");

    private final String wire;

    Protocol(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** @throws IllegalArgumentException for anything but a wire value */
    public static Protocol fromWire(String value) {
        for (Protocol protocol : values()) {
            if (protocol.wire.equals(value)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown protocol: " + value);
    }
}
