package com.betterfleet.access.decisionlog.adapter.in.amqp;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.ChargerIds;
import com.betterfleet.access.decisionlog.domain.DecisionOutcome;
import com.betterfleet.access.decisionlog.domain.DecisionReason;
import com.betterfleet.access.decisionlog.domain.DecisionRecord;
import com.betterfleet.access.decisionlog.domain.RecordKind;
import com.betterfleet.access.decisionlog.domain.TimeRange;
import com.betterfleet.access.decisionlog.domain.TimelineRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads a structured CloudEvent (docs/contracts/events.schema.json) into a record. Unknown fields
 * are ignored (additive evolution). Errors name the field, never its value. Every instant
 * ({@code time}, {@code occurredAt}, {@code expiryDate}) must lie in {@link TimeRange}'s supported
 * range, the one queries may name.
 */
@ApplicationScoped
public class CloudEventParser {
    /** Larger events are refused: no contract event comes near it (a policy snapshot is a few KB). */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** Larger batches are refused: authorisation-service sends at most 100 decisions (~100 KB) in one. */
    static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
    /** Events a batch may hold. */
    static final int MAX_BATCH_EVENTS = 10_000;
    /**
     * Longest id-like text (accountId, depotId, vehicleId, agreementId, windowId, idTokenType): the
     * contracts' maxLength of accountId, vehicleId, agreementId and a window id. Where the schema sets
     * none (a decision's accountId, depotId) the same bound holds: these columns are indexed, and a
     * value past a B-tree row's ~2.7 KB fails the whole INSERT (SQLSTATE 54000); a longer depotId
     * could not be queried either (the API takes at most 64 characters).
     */
    static final int MAX_ID_LENGTH = 64;
    // the enums of events.schema.json (decisionRecorded): the values Authorize produces
    private static final List<String> PROTOCOLS = List.of("ocpp1.6", "ocpp2.0.1");
    private static final List<String> PROTOCOL_STATUSES = List.of("Accepted", "Blocked", "Expired", "Invalid", "Unknown",
            "NotAtThisTime");
    private static final List<String> ACCESS_MODES = List.of("freevend", "managed_access");
    private static final List<String> POLICY_SOURCES = List.of("schedule", "override", "default", "none");
    private static final List<String> ACCESS_CLASSES = List.of("own_fleet", "agreement");
    private static final Pattern ENUM_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");

    private final ObjectMapper json;
    /** Told the field name of each enum value this version does not know (stored as received). */
    private final Consumer<String> unknownValues;

    @Inject
    public CloudEventParser(ObjectMapper json, MeterRegistry registry) {
        this(json, field -> registry.counter("decision_log.values.unknown", "field", field).increment());
    }

    CloudEventParser(ObjectMapper json, Consumer<String> unknownValues) {
        this.json = json;
        this.unknownValues = unknownValues;
    }

    /** The envelope fields that are safe to log, read as far as the body allows. */
    public record EventRef(String id, String type, String subject) {
        static final EventRef UNKNOWN = new EventRef("?", "?", "?");
    }

    /** One event of a message: its record, or why it cannot be stored, and what is safe to log of it. */
    public record Parsed(AccessRecord record, MalformedEventException malformed, EventRef ref) {
    }

    /**
     * The events of one message body: a structured CloudEvent (a JSON object), or a CloudEvents JSON
     * batch (a JSON array of them, ADR 0011). A broken event in a batch is reported on its own and
     * does not spoil the others. Throws when the body as a whole is unreadable.
     */
    public List<Parsed> parseMessage(String body) {
        int start = firstNonWhitespace(body);
        if (start < 0 || body.charAt(start) != '[') {
            try {
                return List.of(new Parsed(parse(body), null, null));
            } catch (MalformedEventException e) {
                return List.of(new Parsed(null, e, reference(body)));
            }
        }
        if (largerThan(body, MAX_BATCH_BYTES)) {
            throw new MalformedEventException("too_large", "batch larger than " + MAX_BATCH_BYTES + " bytes");
        }
        JsonNode batch;
        try {
            batch = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not_json", "body is not JSON");
        }
        if (batch.size() > MAX_BATCH_EVENTS) {
            throw new MalformedEventException("too_large", "batch of more than " + MAX_BATCH_EVENTS + " events");
        }
        List<Parsed> events = new ArrayList<>(batch.size());
        for (JsonNode event : batch) {
            try {
                if (!event.isObject()) {
                    throw new MalformedEventException("not_json", "batch element is not a JSON object");
                }
                events.add(new Parsed(parse(event), null, null));
            } catch (MalformedEventException e) {
                events.add(new Parsed(null, e, reference(event)));
            }
        }
        return events;
    }

    /**
     * Whether the body's UTF-8 encoding is over {@code maxBytes}. A character takes at most 3 bytes
     * (a surrogate pair 4 for 2 chars), so most bodies are settled without encoding them.
     */
    static boolean largerThan(String body, int maxBytes) {
        if (body.length() > maxBytes) {
            return true;
        }
        return body.length() * 3L > maxBytes && body.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }

    private static int firstNonWhitespace(String body) {
        for (int i = 0; i < body.length(); i++) {
            if (!Character.isWhitespace(body.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public AccessRecord parse(String body) {
        if (largerThan(body, MAX_BODY_BYTES)) {
            throw new MalformedEventException("too_large", "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return parse(readTree(body));
    }

    private AccessRecord parse(JsonNode event) {
        if (!"1.0".equals(event.path("specversion").asText(null))) {
            throw new MalformedEventException("not_cloudevent", "specversion must be 1.0");
        }
        String id = text(event, "id", true, "envelope");
        String type = text(event, "type", true, "envelope");
        RecordKind kind = RecordKind.ofEventType(type)
                .orElseThrow(() -> new MalformedEventException("unknown_type", "type is not a charger_access.* type"));
        String subject = text(event, "subject", true, "envelope");
        if (!ChargerIds.isValid(subject)) {
            throw new MalformedEventException("invalid_field", "subject is not a chargerId");
        }
        Instant time = timestamp(event, "time", true, "envelope");
        String source = text(event, "source", false, "envelope");
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("invalid_field", "data must be an object");
        }
        try {
            return kind.isDecision()
                    ? decision(subject, source, data)
                    : new TimelineRecord(id, kind, time, subject, id(data, "accountId", false),
                            id(data, "depotId", false), source, data.toString());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("invalid_field", e.getMessage());
        }
    }

    /** The id and type of a body, for logs about a body that could not be parsed. */
    public EventRef reference(String body) {
        try {
            return reference(json.readTree(body));
        } catch (JsonProcessingException | RuntimeException e) {
            return EventRef.UNKNOWN;
        }
    }

    private static EventRef reference(JsonNode event) {
        if (event == null || !event.isObject()) {
            return EventRef.UNKNOWN;
        }
        return new EventRef(safe(event.path("id").asText("?")), safe(event.path("type").asText("?")),
                safe(event.path("subject").asText("?")));
    }

    private DecisionRecord decision(String subject, String source, JsonNode data) {
        String chargerId = text(data, "chargerId", true, "data");
        if (!subject.equals(chargerId)) {
            throw new MalformedEventException("invalid_field", "data.chargerId differs from subject");
        }
        String decisionId = text(data, "decisionId", true, "data");
        UUID uuid;
        try {
            uuid = UUID.fromString(decisionId);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("invalid_field", "data.decisionId is not a UUID");
        }
        String decision = text(data, "decision", true, "data");
        return new DecisionRecord(
                uuid,
                timestamp(data, "occurredAt", true, "data"),
                chargerId,
                integer(data, "connectorId"),
                id(data, "accountId", false),
                id(data, "depotId", false),
                oneOf(data, "protocol", true, PROTOCOLS),
                text(data, "idHash", true, "data"),
                text(data, "idMask", true, "data"),
                id(data, "idTokenType", true),
                oneOf(data, "accessClass", false, ACCESS_CLASSES),
                id(data, "vehicleId", false),
                id(data, "agreementId", false),
                DecisionOutcome.of(decision).orElseThrow(
                        () -> new MalformedEventException("invalid_field", "data.decision must be allowed or denied")),
                oneOf(data, "protocolStatus", true, PROTOCOL_STATUSES),
                oneOf(data, "reason", true, DecisionReason.ALL),
                oneOf(data, "accessMode", true, ACCESS_MODES),
                oneOf(data, "policySource", true, POLICY_SOURCES),
                id(data, "windowId", false),
                longValue(data, "policyVersion"),
                timestamp(data, "expiryDate", false, "data"),
                source);
    }

    /** An id-like data field of at most {@link #MAX_ID_LENGTH} characters (code points, as JSON Schema counts). */
    private static String id(JsonNode data, String field, boolean required) {
        String value = text(data, field, required, "data");
        if (value != null && value.codePointCount(0, value.length()) > MAX_ID_LENGTH) {
            throw new MalformedEventException("invalid_field", "data." + field + " must be at most " + MAX_ID_LENGTH
                    + " characters");
        }
        return value;
    }

    /**
     * A data field of one of the contract's enums. A value this version does not know is stored as
     * received, as long as it looks like an enum value (a letter, then letters, digits, '_', '.' or
     * '-', at most {@link #MAX_ID_LENGTH}): contracts evolve additively, and a producer released with
     * a new value (a new denial reason) before this consumer must not make decisions vanish from an
     * audit log. Such a record is counted ({@code decision_log.values.unknown}); filters learn the
     * value with the next release. Anything else in the field is refused.
     */
    private String oneOf(JsonNode data, String field, boolean required, List<String> known) {
        String value = text(data, field, required, "data");
        if (value != null && !known.contains(value)) {
            if (!ENUM_LIKE.matcher(value).matches()) {
                throw new MalformedEventException("invalid_field", "data." + field + " must be one of "
                        + String.join(", ", known) + ", or a value of that form");
            }
            unknownValues.accept(field);
        }
        return value;
    }

    private JsonNode readTree(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedEventException("not_json", "body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not_json", "body is not JSON");
        }
    }

    private static String text(JsonNode parent, String field, boolean required, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedEventException("missing_field", where + "." + field + " is required");
            }
            return null;
        }
        if (node.getNodeType() != JsonNodeType.STRING) {
            throw new MalformedEventException("invalid_field", where + "." + field + " must be a string");
        }
        String value = node.textValue();
        if (required && value.isBlank()) {
            throw new MalformedEventException("missing_field", where + "." + field + " must not be blank");
        }
        return value;
    }

    private static Instant timestamp(JsonNode parent, String field, boolean required, String where) {
        String value = text(parent, field, required, where);
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            // DateTimeException, not only its parse subclass: the conversion to an instant can fail too
            throw new MalformedEventException("invalid_field", where + "." + field + " is not an RFC 3339 date-time");
        }
        if (!TimeRange.supports(instant)) {
            // ISO-8601 reaches years +-999,999,999: beyond this range the record would fail later,
            // out of this try (OffsetDateTime in UTC, timestamptz), and take its whole batch with it
            throw new MalformedEventException("invalid_field",
                    where + "." + field + " must be between " + TimeRange.SUPPORTED_RANGE);
        }
        return instant;
    }

    private static Integer integer(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new MalformedEventException("invalid_field", "data." + field + " must be an integer");
        }
        return node.intValue();
    }

    private static Long longValue(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedEventException("invalid_field", "data." + field + " must be an integer");
        }
        return node.longValue();
    }

    /** Keeps log lines short and single-line whatever a broken producer sent. */
    private static String safe(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9._:/\\-]", "_");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
