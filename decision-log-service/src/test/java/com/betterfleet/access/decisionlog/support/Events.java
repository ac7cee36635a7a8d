package com.betterfleet.access.decisionlog.support;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.betterfleet.access.decisionlog.domain.IdentifierHasher;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test data builders for the charger_access.* CloudEvents the service consumes, shaped as
 * docs/contracts/events.schema.json says. Every builder starts from a valid event; tests change
 * only what the scenario is about.
 */
public final class Events {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final IdentifierHasher HASHER = new IdentifierHasher(DecisionLogTestResources.PEPPER);
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() << 12);

    private Events() {
    }

    public static DecisionEvent decision() {
        return new DecisionEvent();
    }

    public static TimelineEvent expectedModeChanged() {
        TimelineEvent event = new TimelineEvent("charger_access.expected_mode_changed", "/access-policy-service");
        event.data.put("previousMode", "freevend").put("mode", "managed_access")
                .put("effectiveAt", event.time.toString()).put("source", "schedule")
                .put("windowId", "weekday-days").put("policyVersion", 3);
        return event;
    }

    public static TimelineEvent modeChange(String outcome) {
        TimelineEvent event = new TimelineEvent("charger_access.mode_change_" + outcome, "/mode-apply-service");
        event.data.put("targetMode", "managed_access").put("commandId", UUID.randomUUID().toString());
        ObjectNode item = event.data.putArray("items").addObject().put("key", "FreevendEnabled").put("value", "false");
        if ("failed".equals(outcome)) {
            item.put("status", "Rejected");
            event.data.put("reason", "required key FreevendEnabled Rejected");
        } else {
            // contracts.md lists reason on all three; null when nothing failed
            event.data.putNull("reason");
            if ("confirmed".equals(outcome)) {
                item.put("status", "Accepted");
            }
        }
        return event;
    }

    public static TimelineEvent policyChanged() {
        TimelineEvent event = new TimelineEvent("charger_access.policy_changed", "/access-policy-service");
        event.data.put("version", 3).put("deleted", false).put("depotId", "depot-1")
                .put("timeZone", "Europe/London").put("defaultMode", "freevend").putNull("override");
        event.data.putArray("windows").addObject().put("id", "weekday-days")
                .put("start", "06:00").put("end", "18:00").put("mode", "managed_access")
                .putArray("daysOfWeek").add("MONDAY").add("TUESDAY");
        return event;
    }

    public static TimelineEvent capabilityChanged() {
        TimelineEvent event = new TimelineEvent("charger_access.capability_changed", "/access-policy-service");
        event.data.put("protocol", "ocpp1.6").put("family", "microocpp").put("gatewayAuthorises", true)
                .put("state", "fully_supported").putArray("reasons");
        return event;
    }

    /** A charger_access.* type this version does not know (a later contract's event). */
    public static TimelineEvent ofNewType(String name) {
        TimelineEvent event = new TimelineEvent("charger_access." + name, "/a-later-service");
        event.data.put("note", "added by a later contract");
        return event;
    }

    /** A decision_recorded event; the identifier is hashed and masked with the test pepper. */
    public static final class DecisionEvent {
        private final ObjectNode data = JSON.createObjectNode();
        private String eventId;

        DecisionEvent() {
            UUID id = uuidV7();
            data.put("decisionId", id.toString())
                    .put("occurredAt", Instant.now().toString())
                    .put("chargerId", "CP-1")
                    .put("connectorId", 1)
                    .put("accountId", "acc-A")
                    .put("depotId", "depot-1")
                    .put("protocol", "ocpp1.6")
                    .put("accessClass", "own_fleet")
                    .put("vehicleId", "bus-12")
                    .putNull("agreementId")
                    .put("decision", "allowed")
                    .put("protocolStatus", "Accepted")
                    .put("reason", "own_fleet")
                    .put("accessMode", "managed_access")
                    .put("policySource", "schedule")
                    .put("windowId", "weekday-days")
                    .put("policyVersion", 3)
                    .putNull("expiryDate");
            idToken("04:A2:3F:9A", "ISO14443");
        }

        public DecisionEvent charger(String chargerId) {
            data.put("chargerId", chargerId);
            return this;
        }

        public DecisionEvent account(String accountId) {
            data.put("accountId", accountId);
            return this;
        }

        public DecisionEvent depot(String depotId) {
            data.put("depotId", depotId);
            return this;
        }

        public DecisionEvent at(Instant occurredAt) {
            data.put("occurredAt", occurredAt.toString());
            return this;
        }

        public DecisionEvent decisionId(UUID decisionId) {
            data.put("decisionId", decisionId.toString());
            return this;
        }

        /** The raw identifier is only hashed and masked here; it never goes into the event. */
        public DecisionEvent idToken(String raw, String type) {
            data.put("idHash", HASHER.hash(raw, type)).put("idMask", IdentifierHasher.mask(raw, type))
                    .put("idTokenType", type == null ? "idTag" : type);
            return this;
        }

        public DecisionEvent denied(String reason, String protocolStatus) {
            data.put("decision", "denied").put("reason", reason).put("protocolStatus", protocolStatus)
                    .putNull("accessClass").putNull("vehicleId");
            return this;
        }

        public DecisionEvent allowed(String reason) {
            data.put("decision", "allowed").put("reason", reason).put("protocolStatus", "Accepted");
            return this;
        }

        /** Sets or removes (null) any data field, e.g. to break the event on purpose. */
        public DecisionEvent with(String field, Object value) {
            if (value == null) {
                data.remove(field);
            } else {
                data.set(field, JSON.valueToTree(value));
            }
            return this;
        }

        /** Sets a data field to JSON null (present, no value). */
        public DecisionEvent withNull(String field) {
            data.putNull(field);
            return this;
        }

        /** A CloudEvent id different from the decisionId (contracts: they are the same). */
        public DecisionEvent eventId(String id) {
            this.eventId = id;
            return this;
        }

        public String decisionId() {
            return data.get("decisionId").asText();
        }

        public String occurredAt() {
            return data.get("occurredAt").asText();
        }

        public String json() {
            ObjectNode event = JSON.createObjectNode()
                    .put("specversion", "1.0")
                    .put("id", eventId != null ? eventId : data.hasNonNull("decisionId") ? decisionId() : UUID.randomUUID().toString())
                    .put("source", "/authorisation-service")
                    .put("type", "charger_access.decision_recorded")
                    .put("subject", data.path("chargerId").asText("CP-1"))
                    .put("time", data.path("occurredAt").asText(Instant.now().toString()))
                    .put("datacontenttype", "application/json")
                    .put("accountid", data.path("accountId").asText(null));
            event.set("data", data.deepCopy());
            return event.toString();
        }
    }

    /** Any other charger_access.* event (a charger timeline record). */
    public static final class TimelineEvent {
        private final String type;
        private final String source;
        private final ObjectNode data = JSON.createObjectNode();
        private String id = UUID.randomUUID().toString();
        private Instant time = Instant.now();

        TimelineEvent(String type, String source) {
            this.type = type;
            this.source = source;
            data.put("accountId", "acc-A").put("chargerId", "CP-1");
        }

        public TimelineEvent charger(String chargerId) {
            data.put("chargerId", chargerId);
            return this;
        }

        public TimelineEvent account(String accountId) {
            data.put("accountId", accountId);
            return this;
        }

        public TimelineEvent at(Instant instant) {
            this.time = instant;
            if (data.has("effectiveAt")) {
                data.put("effectiveAt", instant.toString());
            }
            return this;
        }

        /** Sets a data field (a string) or, with null, sets it to JSON null. */
        public TimelineEvent data(String field, String value) {
            if (value == null) {
                data.putNull(field);
            } else {
                data.put(field, value);
            }
            return this;
        }

        public TimelineEvent id(String eventId) {
            this.id = eventId;
            return this;
        }

        public String id() {
            return id;
        }

        public String type() {
            return type;
        }

        public String json() {
            ObjectNode event = JSON.createObjectNode()
                    .put("specversion", "1.0")
                    .put("id", id)
                    .put("source", source)
                    .put("type", type)
                    .put("subject", data.get("chargerId").asText())
                    .put("time", time.toString())
                    .put("datacontenttype", "application/json")
                    .put("accountid", data.get("accountId").asText());
            event.set("data", data.deepCopy());
            return event.toString();
        }
    }

    /** A UUIDv7 (time-ordered), as authorisation-service makes decision ids. */
    static UUID uuidV7() {
        long millis = System.currentTimeMillis();
        long sequence = SEQUENCE.incrementAndGet();
        long high = (millis << 16) | 0x7000L | (sequence & 0x0FFFL);
        long low = 0x8000000000000000L | (UUID.randomUUID().getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL);
        return new UUID(high, low);
    }
}
