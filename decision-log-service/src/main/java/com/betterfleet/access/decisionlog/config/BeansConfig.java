package com.betterfleet.access.decisionlog.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.betterfleet.access.decisionlog.domain.IdentifierHasher;

/** Plain objects the application needs as beans. */
public class BeansConfig {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    IdentifierHasher identifierHasher(IdentifierConfig config) {
        return new IdentifierHasher(config.pepper());
    }
}
