package com.betterfleet.access.authorisation.testdata;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * identifiers:batch items / identifier feed messages (identifier-item.schema.json): an active
 * own-fleet ISO14443 card unless told otherwise.
 */
public final class IdentifierItemBuilder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private IdentifierItemBuilder(String op, String accountId, String idToken) {
        fields.put("op", op);
        fields.put("accountId", accountId);
        fields.put("idToken", idToken);
    }

    public static IdentifierItemBuilder ownFleet(String accountId, String idToken) {
        IdentifierItemBuilder b = new IdentifierItemBuilder("upsert", accountId, idToken);
        b.fields.put("idTokenType", "ISO14443");
        b.fields.put("accessClass", "own_fleet");
        b.fields.put("vehicleId", "bus-" + idToken.length());
        b.fields.put("status", "active");
        return b;
    }

    public static IdentifierItemBuilder agreement(String accountId, String idToken, String agreementId) {
        IdentifierItemBuilder b = ownFleet(accountId, idToken);
        b.fields.put("accessClass", "agreement");
        b.fields.put("agreementId", agreementId);
        b.fields.remove("vehicleId");
        return b;
    }

    public static IdentifierItemBuilder delete(String accountId, String idToken) {
        return new IdentifierItemBuilder("delete", accountId, idToken);
    }

    public IdentifierItemBuilder type(String idTokenType) {
        return with("idTokenType", idTokenType);
    }

    public IdentifierItemBuilder status(String status) {
        return with("status", status);
    }

    public IdentifierItemBuilder validity(Instant from, Instant until) {
        with("validFrom", from == null ? null : from.toString());
        return with("validUntil", until == null ? null : until.toString());
    }

    /** Sets (or with null, removes) any field, valid or not. */
    public IdentifierItemBuilder with(String field, Object value) {
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return this;
    }

    public Map<String, Object> map() {
        return new LinkedHashMap<>(fields);
    }

    public ObjectNode node() {
        return MAPPER.valueToTree(fields);
    }

    public String json() {
        return node().toString();
    }
}
