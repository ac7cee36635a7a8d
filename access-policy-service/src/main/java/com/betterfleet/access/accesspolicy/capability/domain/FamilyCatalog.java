package com.betterfleet.access.accesspolicy.capability.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The known charger family profiles; names match case-insensitively. */
public final class FamilyCatalog {
    private final List<ChargerFamily> families;
    private final Map<String, ChargerFamily> byName = new HashMap<>();

    public FamilyCatalog(List<ChargerFamily> families) {
        this.families = List.copyOf(families);
        for (ChargerFamily family : this.families) {
            if (byName.put(normalise(family.name()), family) != null) {
                throw new IllegalArgumentException("family " + family.name() + " is defined twice");
            }
        }
    }

    public List<ChargerFamily> families() {
        return families;
    }

    public Optional<ChargerFamily> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normalise(name)));
    }

    /** The family a 2.0.1 charger uses when it reports none: the standard device model. */
    public Optional<ChargerFamily> standardFor(Protocol protocol) {
        if (protocol != Protocol.OCPP_2_0_1) {
            return Optional.empty();
        }
        return families.stream().filter(family -> family.protocol() == Protocol.OCPP_2_0_1).findFirst();
    }

    private static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
