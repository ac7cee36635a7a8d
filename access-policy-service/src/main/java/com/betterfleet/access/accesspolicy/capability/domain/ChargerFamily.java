package com.betterfleet.access.accesspolicy.capability.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A charger family profile (decisions.md section 4): which keys switch it into each mode, which
 * of them are required, and the family's fixed freevend idTag key if it has one. Profiles are
 * data (charger-families.json), not code.
 *
 * @param freevendIdTagKey       the key holding the idTag the charger sends while in freevend, or {@code null}
 * @param clearCacheOnManagedAccess whether switching to managed access ends with ClearCache
 */
public record ChargerFamily(
        String name,
        Protocol protocol,
        List<ConfigurationItem> freevend,
        List<ConfigurationItem> managedAccess,
        boolean clearCacheOnManagedAccess,
        String freevendIdTagKey) {

    public ChargerFamily {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("family name must not be blank");
        }
        Objects.requireNonNull(protocol, "protocol of " + name);
        freevend = List.copyOf(freevend == null ? List.of() : freevend);
        managedAccess = List.copyOf(managedAccess == null ? List.of() : managedAccess);
        if (freevend.stream().noneMatch(ConfigurationItem::required)
                || managedAccess.stream().noneMatch(ConfigurationItem::required)) {
            throw new IllegalArgumentException("family " + name + " needs a required key for each mode");
        }
    }

    /** Whether {@code key} is required in either mode. */
    public boolean isRequired(String key) {
        return items().stream().anyMatch(item -> item.required() && item.key().equals(key));
    }

    /** Whether the profile sets {@code key} at all (or names it as the freevend idTag key). */
    public boolean knows(String key) {
        return key.equals(freevendIdTagKey) || items().stream().anyMatch(item -> item.key().equals(key));
    }

    public Optional<String> idTagKey() {
        return Optional.ofNullable(freevendIdTagKey);
    }

    /** Every key the profile sets, in profile order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        items().forEach(item -> keys.add(item.key()));
        return keys;
    }

    private List<ConfigurationItem> items() {
        return Stream.concat(freevend.stream(), managedAccess.stream()).toList();
    }
}
