package com.betterfleet.access.decisionlog.config;

import io.smallrye.config.ConfigMapping;

/** Identifier hashing ({@code access.identifiers.*}). */
@ConfigMapping(prefix = "access.identifiers")
public interface IdentifierConfig {
    /**
     * The HMAC key of identifier hashes, shared with authorisation-service; from the
     * {@code ACCESS_ID_PEPPER} environment variable (a Kubernetes Secret). Required.
     */
    String pepper();
}
