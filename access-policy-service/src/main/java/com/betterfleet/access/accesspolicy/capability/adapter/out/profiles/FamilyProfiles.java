package com.betterfleet.access.accesspolicy.capability.adapter.out.profiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.betterfleet.access.accesspolicy.capability.domain.ChargerFamily;
import com.betterfleet.access.accesspolicy.capability.domain.ConfigurationItem;
import com.betterfleet.access.accesspolicy.capability.domain.FamilyCatalog;
import com.betterfleet.access.accesspolicy.capability.domain.Protocol;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Loads the charger family profiles: the built-in {@code charger-families.json}, or the file named
 * by {@code access-policy.capability.families-file}. A broken file stops the service at start.
 */
public class FamilyProfiles {
    static final String BUILT_IN = "charger-families.json";

    @Produces
    @Singleton
    FamilyCatalog catalog(AccessPolicyConfig config, ObjectMapper mapper) {
        return config.capability().familiesFile()
                .map(file -> fromFile(Path.of(file), mapper))
                .orElseGet(() -> builtIn(mapper));
    }

    public static FamilyCatalog builtIn(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            return read(mapper.readValue(in, FileJson.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILT_IN, e);
        }
    }

    static FamilyCatalog fromFile(Path file, ObjectMapper mapper) {
        try {
            return read(mapper.readValue(Files.readAllBytes(file), FileJson.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read charger family profiles from " + file, e);
        }
    }

    private static FamilyCatalog read(FileJson file) {
        return new FamilyCatalog(file.families().stream().map(FamilyProfiles::family).toList());
    }

    private static ChargerFamily family(FamilyJson json) {
        return new ChargerFamily(json.name(), Protocol.fromWire(json.protocol()), items(json.freevend()),
                items(json.managedAccess()), json.clearCacheOnManagedAccess(), json.freevendIdTagKey());
    }

    private static List<ConfigurationItem> items(List<ItemJson> items) {
        return items == null ? List.of()
                : items.stream().map(item -> new ConfigurationItem(item.key(), item.value(), item.required())).toList();
    }

    @RegisterForReflection
    record FileJson(String description, List<FamilyJson> families) {
    }

    @RegisterForReflection
    record FamilyJson(String name, String protocol, List<ItemJson> freevend, List<ItemJson> managedAccess,
            boolean clearCacheOnManagedAccess, String freevendIdTagKey) {
    }

    @RegisterForReflection
    record ItemJson(String key, String value, boolean required) {
    }
}
