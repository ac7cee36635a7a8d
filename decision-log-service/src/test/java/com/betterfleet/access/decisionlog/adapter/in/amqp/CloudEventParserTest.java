package com.betterfleet.access.decisionlog.adapter.in.amqp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.DecisionRecord;
import com.betterfleet.access.decisionlog.domain.RecordKind;
import com.betterfleet.access.decisionlog.domain.TimeRange;
import com.betterfleet.access.decisionlog.domain.TimelineRecord;
import com.betterfleet.access.decisionlog.support.Events;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Instants a producer may send: ISO-8601 reaches years +-999,999,999, which overflow
 * OffsetDateTime in UTC or PostgreSQL's timestamptz further down. The parser must turn them into
 * a MalformedEventException (rejected and acknowledged), not let them reach the store.
 */
class CloudEventParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CloudEventParser parser = new CloudEventParser(JSON, field -> {
    });

    @ParameterizedTest
    @ValueSource(strings = {
            "+999999999-12-31T23:59:59-18:00",
            "-999999999-01-01T00:00:00+18:00",
            "+294277-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "9999-12-31T23:59:59-00:01",
            "1969-12-31T23:59:59.999999999Z",
            "1970-01-01T00:59:59+01:00" })
    void rejectsATimelineEventWhoseTimeIsOutsideTheSupportedRange(String time) {
        String body = withEnvelopeTime(Events.expectedModeChanged().json(), time);
        assertMalformed(body, "envelope.time", time);
    }

    @ParameterizedTest
    @ValueSource(strings = { "+999999999-12-31T23:59:59-18:00", "+294277-01-01T00:00:00Z", "1969-12-31T23:59:59Z" })
    void rejectsADecisionWhoseEnvelopeTimeIsOutsideTheSupportedRange(String time) {
        String body = withEnvelopeTime(Events.decision().json(), time);
        assertMalformed(body, "envelope.time", time);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "+999999999-12-31T23:59:59-18:00",
            "-999999999-01-01T00:00:00+18:00",
            "+294277-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z" })
    void rejectsADecisionWhoseOccurredAtIsOutsideTheSupportedRange(String occurredAt) {
        // the envelope time stays valid: only data.occurredAt is out of range
        String body = withEnvelopeTime(Events.decision().with("occurredAt", occurredAt).json(), Instant.now().toString());
        assertMalformed(body, "data.occurredAt", occurredAt);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "+999999999-12-31T23:59:59-18:00",
            "-999999999-01-01T00:00:00+18:00",
            "+294277-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z" })
    void rejectsADecisionWhoseExpiryDateIsOutsideTheSupportedRange(String expiryDate) {
        String body = Events.decision().with("expiryDate", expiryDate).json();
        assertMalformed(body, "data.expiryDate", expiryDate);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1970-01-01T00:00:00Z",
            "1970-01-01T01:00:00+01:00",
            "9999-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:59.999999999+18:00",
            "2025-03-30T01:30:00+01:00" })
    void acceptsTheEdgesOfTheSupportedRangeInEveryField(String instant) {
        String body = withEnvelopeTime(Events.decision().with("occurredAt", instant).with("expiryDate", instant).json(),
                instant);
        DecisionRecord record = (DecisionRecord) parser.parse(body);
        assertEquals(OffsetDateTime.parse(instant).toInstant(), record.expiryDate());
        assertTrue(TimeRange.supports(record.occurredAt()));

        AccessRecord timeline = parser.parse(withEnvelopeTime(Events.policyChanged().json(), instant));
        assertTrue(TimeRange.supports(timeline.occurredAt()));
    }

    @Test
    void stillRejectsTextThatIsNoDateTimeAsBefore() {
        assertMalformed(withEnvelopeTime(Events.policyChanged().json(), "yesterday"), "envelope.time", "yesterday");
        assertMalformed(withEnvelopeTime(Events.policyChanged().json(), "2025-02-30T00:00:00Z"), "envelope.time",
                "2025-02-30");
    }

    /**
     * modeUntil (additive, events.schema.json) is accepted whatever it holds, a time, null or
     * absent, and kept as received in the payload; it is not a field this service interprets.
     */
    @Test
    void acceptsExpectedModeChangedWithModeUntilAndKeepsItInThePayload() throws Exception {
        Events.TimelineEvent event = Events.expectedModeChanged().data("until", "2026-06-01T11:00:00Z")
                .data("modeUntil", "2026-06-01T17:00:00Z");
        TimelineRecord record = (TimelineRecord) parser.parse(event.json());
        assertEquals(RecordKind.EXPECTED_MODE_CHANGED, record.kind());
        assertEquals("2026-06-01T17:00:00Z", JSON.readTree(record.payloadJson()).get("modeUntil").asText());
        assertEquals("2026-06-01T11:00:00Z", JSON.readTree(record.payloadJson()).get("until").asText());

        TimelineRecord none = (TimelineRecord) parser.parse(Events.expectedModeChanged().data("modeUntil", null).json());
        assertTrue(JSON.readTree(none.payloadJson()).get("modeUntil").isNull());
        TimelineRecord absent = (TimelineRecord) parser.parse(Events.expectedModeChanged().json());
        assertFalse(JSON.readTree(absent.payloadJson()).has("modeUntil"));
    }

    private void assertMalformed(String body, String field, String value) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> parser.parse(body));
        assertEquals("invalid_field", e.reason());
        assertTrue(e.getMessage().contains(field), e.getMessage());
        // the message is logged: it names the field, never the value
        assertFalse(e.getMessage().contains(value), e.getMessage());
    }

    private static String withEnvelopeTime(String body, String time) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(body);
            event.put("time", time);
            return event.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "accountId", "depotId", "vehicleId", "agreementId", "windowId", "idTokenType" })
    void rejectsADecisionWithAnIdLongerThanSixtyFourCharacters(String field) {
        String tooLong = "x".repeat(64) + "Y";
        assertMalformed(Events.decision().with(field, tooLong).json(), "data." + field, tooLong);
        // 64 characters, some outside the BMP (JSON Schema counts code points): still accepted
        String longest = "\uD83D\uDE00".repeat(4) + "x".repeat(60);
        assertDoesNotThrow(() -> parser.parse(Events.decision().with(field, longest).json()));
    }

    /**
     * Contracts evolve additively: a producer may send a new enum value (a new denial reason) before
     * this consumer knows it. The decision is stored with the value as received and counted, never
     * dropped from the audit log; only a value that cannot be an enum value is refused.
     */
    @ParameterizedTest
    @ValueSource(strings = { "reason", "protocol", "protocolStatus", "accessMode", "policySource", "accessClass" })
    void storesAnEnumValueThisVersionDoesNotKnowAndCountsIt(String field) {
        List<String> unknown = new java.util.ArrayList<>();
        CloudEventParser counting = new CloudEventParser(JSON, unknown::add);
        DecisionRecord record = (DecisionRecord) counting.parse(Events.decision().with(field, "new_value_2031").json());
        String stored = switch (field) {
            case "reason" -> record.reason();
            case "protocol" -> record.protocol();
            case "protocolStatus" -> record.protocolStatus();
            case "accessMode" -> record.accessMode();
            case "policySource" -> record.policySource();
            default -> record.accessClass();
        };
        assertEquals("new_value_2031", stored);
        assertEquals(List.of(field), unknown);

        assertMalformed(Events.decision().with(field, "not an enum value").json(), "data." + field, "not an enum value");
        assertMalformed(Events.decision().with(field, "x".repeat(65)).json(), "data." + field, "x".repeat(65));
    }

    @Test
    void rejectsATimelineEventWithAnOverLongAccountOrDepotOrAControlCharacterInItsId() {
        String tooLong = "d".repeat(65);
        assertMalformed(Events.capabilityChanged().account(tooLong).json(), "data.accountId", tooLong);
        assertMalformed(Events.policyChanged().data("depotId", tooLong).json(), "data.depotId", tooLong);
        MalformedEventException withNul = assertThrows(MalformedEventException.class,
                () -> parser.parse(Events.policyChanged().id("evt-\u0000-1").json()));
        assertEquals("invalid_field", withNul.reason());
        assertTrue(withNul.getMessage().contains("control characters"), withNul.getMessage());
    }

    @Test
    void sizeLimitsCountUtf8BytesNotCharacters() {
        assertFalse(CloudEventParser.largerThan("a".repeat(30), 30));
        assertTrue(CloudEventParser.largerThan("a".repeat(31), 30));
        assertFalse(CloudEventParser.largerThan("\u20ac".repeat(10), 30), "10 euro signs are 30 bytes");
        assertTrue(CloudEventParser.largerThan("\u20ac".repeat(10) + "a", 30));
        assertTrue(CloudEventParser.largerThan("\uD83D\uDE00".repeat(8), 30), "8 emoji are 16 chars and 32 bytes");
        MalformedEventException tooLarge = assertThrows(MalformedEventException.class,
                () -> parser.parseMessage("[" + " ".repeat(CloudEventParser.MAX_BATCH_BYTES) + "]"));
        assertEquals("too_large", tooLarge.reason());
    }
}
