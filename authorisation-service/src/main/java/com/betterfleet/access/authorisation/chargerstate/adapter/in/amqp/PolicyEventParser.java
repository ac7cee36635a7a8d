package com.betterfleet.access.authorisation.chargerstate.adapter.in.amqp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerEvent;
import com.betterfleet.access.authorisation.chargerstate.domain.ExpectedMode;
import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.chargerstate.domain.PolicySource;
import com.betterfleet.access.authorisation.shared.domain.ForbiddenCharacters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the structured CloudEvents of {@code charger-access.policy} (events.schema.json) into
 * {@link ChargerEvent}s. Other event types are skipped; unknown fields are ignored.
 */
public final class PolicyEventParser {
    public static final String POLICY_CHANGED = "charger_access.policy_changed";
    public static final String EXPECTED_MODE_CHANGED = "charger_access.expected_mode_changed";
    public static final String CAPABILITY_CHANGED = "charger_access.capability_changed";

    /** A message that cannot be applied; it is logged and dropped, never redelivered. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message, null, false, false);
        }
    }

    private static final java.util.regex.Pattern CHARGER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final int MAX_ID = 64;

    private final ObjectMapper mapper;

    public PolicyEventParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The event, or empty for a type this service does not use. */
    public Optional<ChargerEvent> parse(String json) {
        if (json == null) {
            throw new InvalidEventException("empty or non-text body");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("body is not a JSON object");
        }
        String type = text(root, "type", true);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("data is missing");
        }
        if (!POLICY_CHANGED.equals(type) && !EXPECTED_MODE_CHANGED.equals(type) && !CAPABILITY_CHANGED.equals(type)) {
            return Optional.empty();
        }
        String chargerId = text(data, "chargerId", true);
        if (!CHARGER_ID.matcher(chargerId).matches()) {
            throw new InvalidEventException("chargerId must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        String accountId = text(data, "accountId", true);
        if (accountId.length() > MAX_ID) {
            throw new InvalidEventException("accountId must be at most 64 characters");
        }
        switch (type) {
            case POLICY_CHANGED:
                return Optional.of(new ChargerEvent.PolicyChanged(chargerId, accountId,
                        text(data, "depotId", false), positiveLong(data, "version", 1), bool(data, "deleted")));
            case EXPECTED_MODE_CHANGED:
                // modeUntil present as null means "no change of mode ahead"; absent means an older
                // producer that does not send it, for which until stays the end of the mode.
                ExpectedMode mode = new ExpectedMode(
                        AccessMode.fromWire(text(data, "mode", true)).orElseThrow(() -> invalid("mode")),
                        instant(data, "effectiveAt", true), instant(data, "until", false),
                        PolicySource.fromWire(text(data, "source", true)).orElseThrow(() -> invalid("source")),
                        text(data, "windowId", false), positiveLong(data, "policyVersion", 0),
                        data.has("modeUntil"), instant(data, "modeUntil", false), instant(root, "time", false));
                return Optional.of(new ChargerEvent.ExpectedModeChanged(chargerId, accountId, text(data, "depotId", false),
                        mode));
            case CAPABILITY_CHANGED:
                return Optional.of(new ChargerEvent.CapabilityChanged(chargerId, accountId,
                        OcppProtocol.fromWire(text(data, "protocol", true)).orElseThrow(() -> invalid("protocol")),
                        text(data, "family", false), instant(root, "time", true)));
            default:
                return Optional.empty();
        }
    }

    private static InvalidEventException invalid(String field) {
        return new InvalidEventException(field + " has an unknown value");
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidEventException(field + " is missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidEventException(field + " must be a non-empty string");
        }
        if (ForbiddenCharacters.in(value.asText())) {
            // it would reach decision records (account, depot, window), which decision-log-service refuses
            throw new InvalidEventException(field + " " + ForbiddenCharacters.MESSAGE);
        }
        return value.asText();
    }

    private static long positiveLong(JsonNode node, String field, long minimum) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < minimum) {
            throw new InvalidEventException(field + " must be an integer >= " + minimum);
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new InvalidEventException(field + " must be a boolean");
        }
        return value.asBoolean();
    }

    private static Instant instant(JsonNode node, String field, boolean required) {
        String value = text(node, field, required);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " must be an ISO-8601 date-time with offset");
        }
    }
}
