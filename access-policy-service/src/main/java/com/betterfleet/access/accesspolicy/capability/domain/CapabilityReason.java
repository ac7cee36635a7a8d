package com.betterfleet.access.accesspolicy.capability.domain;

import java.util.Objects;

/**
 * A machine-readable reason for a capability state.
 *
 * @param code   stable code, e.g. {@code unknown_family_profile}, {@code gateway_does_not_authorise}
 * @param key    the configuration key concerned, if any
 * @param detail a human-readable detail, if any
 */
public record CapabilityReason(String code, String key, String detail) {
    public static final String UNKNOWN_FAMILY_PROFILE = "unknown_family_profile";
    public static final String GATEWAY_DOES_NOT_AUTHORISE = "gateway_does_not_authorise";
    public static final String REQUIRED_KEY_REJECTED = "required_key_rejected";
    public static final String OPTIONAL_KEY_REJECTED = "optional_key_rejected";

    public CapabilityReason {
        Objects.requireNonNull(code, "code");
    }
}
