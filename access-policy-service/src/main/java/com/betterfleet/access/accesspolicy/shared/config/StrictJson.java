package com.betterfleet.access.accesspolicy.shared.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A body is one JSON value: {@code {...}garbage} or two objects in a row are malformed (400), not
 * the first value with the rest ignored. A client that sent two values meant something we would
 * otherwise silently drop.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
