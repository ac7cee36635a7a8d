package com.betterfleet.access.accesspolicy.capability.domain;

/**
 * One configuration key a family sets for a mode. {@code required}: the mode cannot be applied
 * without it; otherwise the key is best effort (e.g. {@code LocalPreAuthorize=false}).
 */
public record ConfigurationItem(String key, String value, boolean required) {
    public ConfigurationItem {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        if (value == null) {
            throw new IllegalArgumentException("value of " + key + " is required");
        }
    }
}
