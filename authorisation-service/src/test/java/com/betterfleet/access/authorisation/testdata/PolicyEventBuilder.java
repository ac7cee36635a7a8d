package com.betterfleet.access.authorisation.testdata;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * charger_access.* CloudEvents as access-policy-service publishes them on charger-access.policy
 * (events.schema.json). Start with {@link #policyChanged}, {@link #expectedModeChanged} or
 * {@link #capabilityChanged}, adjust, then {@link #json()}.
 */
public final class PolicyEventBuilder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String type;
    private final ObjectNode data = MAPPER.createObjectNode();
    private Instant time = Instant.now();

    private PolicyEventBuilder(String type, String chargerId, String accountId) {
        this.type = type;
        data.put("accountId", accountId);
        data.put("chargerId", chargerId);
        data.put("depotId", "depot-1");
    }

    /** A policy snapshot of {@code version}: default managed access, one freevend window at night. */
    public static PolicyEventBuilder policyChanged(String chargerId, String accountId, long version) {
        PolicyEventBuilder b = new PolicyEventBuilder("charger_access.policy_changed", chargerId, accountId);
        b.data.put("version", version);
        b.data.put("deleted", false);
        b.data.put("timeZone", "Australia/Sydney");
        b.data.put("defaultMode", "managed_access");
        ObjectNode window = b.data.putArray("windows").addObject();
        window.put("id", "w-night");
        window.putArray("daysOfWeek").add("MONDAY").add("TUESDAY");
        window.put("start", "22:00");
        window.put("end", "06:00");
        window.put("mode", "freevend");
        b.data.putNull("override");
        b.data.put("updatedAt", Instant.now().toString());
        return b;
    }

    public static PolicyEventBuilder policyDeleted(String chargerId, String accountId, long version) {
        PolicyEventBuilder b = new PolicyEventBuilder("charger_access.policy_changed", chargerId, accountId);
        b.data.put("version", version);
        b.data.put("deleted", true);
        return b;
    }

    /**
     * The charger's expected mode since {@code effectiveAt} (source schedule, window w-1, no end),
     * without {@code modeUntil} as an older producer sends it.
     */
    public static PolicyEventBuilder expectedModeChanged(String chargerId, String accountId, String mode, long policyVersion,
            Instant effectiveAt) {
        PolicyEventBuilder b = new PolicyEventBuilder("charger_access.expected_mode_changed", chargerId, accountId);
        b.data.putNull("previousMode");
        b.data.put("mode", mode);
        b.data.put("effectiveAt", effectiveAt.toString());
        b.data.putNull("until");
        b.data.put("source", "schedule");
        b.data.put("windowId", "w-1");
        b.data.put("policyVersion", policyVersion);
        return b;
    }

    public static PolicyEventBuilder capabilityChanged(String chargerId, String accountId, String protocol, String family) {
        PolicyEventBuilder b = new PolicyEventBuilder("charger_access.capability_changed", chargerId, accountId);
        b.data.put("protocol", protocol);
        b.data.put("family", family);
        b.data.put("gatewayAuthorises", true);
        b.data.put("state", "fully_supported");
        b.data.putArray("reasons");
        return b;
    }

    public PolicyEventBuilder until(Instant until) {
        data.put("until", until.toString());
        return this;
    }

    public PolicyEventBuilder modeUntil(Instant modeUntil) {
        data.put("modeUntil", modeUntil.toString());
        return this;
    }

    /** {@code modeUntil: null}: no change of mode ahead (as opposed to the field being absent). */
    public PolicyEventBuilder modeUntilNone() {
        data.putNull("modeUntil");
        return this;
    }

    public PolicyEventBuilder source(String source) {
        data.put("source", source);
        return this;
    }

    public PolicyEventBuilder at(Instant time) {
        this.time = time;
        return this;
    }

    /** Overrides one data field (e.g. to make the event invalid). */
    public PolicyEventBuilder data(String field, String value) {
        data.put(field, value);
        return this;
    }

    public ObjectNode node() {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/access-policy-service");
        event.put("type", type);
        event.put("subject", data.get("chargerId").asText());
        event.put("time", time.toString());
        event.put("datacontenttype", "application/json");
        event.put("accountid", data.get("accountId").asText());
        event.set("data", data.deepCopy());
        return event;
    }

    public String json() {
        return node().toString();
    }
}
