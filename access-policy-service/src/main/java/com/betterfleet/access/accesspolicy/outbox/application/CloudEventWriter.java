package com.betterfleet.access.accesspolicy.outbox.application;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Turns event data into the structured CloudEvent of docs/architecture.md: {@code source}
 * {@code /access-policy-service}, {@code subject} the charger, {@code accountid} mirroring
 * {@code data.accountId}, a fresh UUID as {@code id} (consumers deduplicate on it).
 */
@ApplicationScoped
public class CloudEventWriter {
    public static final String SOURCE = "/access-policy-service";
    public static final String POLICY_CHANGED = "charger_access.policy_changed";
    public static final String EXPECTED_MODE_CHANGED = "charger_access.expected_mode_changed";
    public static final String CAPABILITY_CHANGED = "charger_access.capability_changed";

    private final ObjectMapper mapper;

    public CloudEventWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public OutboxEvent write(String type, String chargerId, String accountId, Instant time, Object data) {
        UUID id = UUID.randomUUID();
        Envelope envelope = new Envelope("1.0", id.toString(), SOURCE, type, chargerId, time.toString(),
                "application/json", accountId, data);
        try {
            return new OutboxEvent(id, type, chargerId, mapper.writeValueAsString(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data of " + type + " cannot be written as JSON", e);
        }
    }

    @RegisterForReflection
    record Envelope(String specversion, String id, String source, String type, String subject, String time,
            String datacontenttype, String accountid, Object data) {
    }
}
