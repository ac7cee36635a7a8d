package com.betterfleet.access.authorisation.shared.config;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

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
        families.families().forEach((family, profile) -> profile.freevendIdTag()
                .filter(tag -> !tag.isBlank())
                .ifPresent(tag -> hashes.put(family, hasher.hash(tag, null).idHash())));
        return new FreevendTags(hashes);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
