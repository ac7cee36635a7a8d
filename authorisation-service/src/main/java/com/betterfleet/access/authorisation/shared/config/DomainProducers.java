package com.betterfleet.access.authorisation.shared.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.decision.domain.FreevendTags;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierHasher;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierItemValidator;

/** Makes the pure domain services available for injection, built from typed configuration. */
public class DomainProducers {

    @Produces
    @Singleton
    IdentifierHasher identifierHasher(IdentifierConfig config) {
        return new IdentifierHasher(config.pepper());
    }

    @Produces
    @Singleton
    IdentifierItemValidator identifierItemValidator(IdentifierHasher hasher, Clock clock) {
        return new IdentifierItemValidator(hasher, clock);
    }

    @Produces
    @Singleton
    FreevendTags freevendTags(ChargerFamiliesConfig families, IdentifierHasher hasher) {
        Map<String, String> hashes = new HashMap<>();
        Set<String> withoutTag = new HashSet<>();
        families.families().forEach((family, profile) -> profile.freevendIdTag()
                .filter(tag -> !tag.isBlank())
                .ifPresentOrElse(tag -> hashes.put(family, hasher.hash(tag, null).idHash()), () -> withoutTag.add(family)));
        return new FreevendTags(hashes, withoutTag);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
