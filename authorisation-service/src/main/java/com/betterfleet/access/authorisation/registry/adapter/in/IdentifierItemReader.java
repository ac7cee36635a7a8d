package com.betterfleet.access.authorisation.registry.adapter.in;

import java.util.ArrayList;
import java.util.List;

import com.betterfleet.access.authorisation.identifier.domain.RawIdentifierItem;
import com.betterfleet.access.authorisation.registry.application.ReceivedItem;
import com.betterfleet.access.authorisation.shared.domain.FieldViolation;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one identifier item (identifier-item.schema.json) from JSON for the batch API and the feed.
 * A field of the wrong JSON type becomes a violation of that item rather than failing the request.
 */
public final class IdentifierItemReader {
    private IdentifierItemReader() {
    }

    public static ReceivedItem read(JsonNode node) {
        List<FieldViolation> violations = new ArrayList<>();
        if (node == null || !node.isObject()) {
            violations.add(new FieldViolation("item", "must be a JSON object"));
            return new ReceivedItem(new RawIdentifierItem(null, null, null, null, null, null, null, null, null, null, null),
                    violations);
        }
        RawIdentifierItem raw = new RawIdentifierItem(
                text(node, "op", violations), text(node, "accountId", violations), text(node, "idToken", violations),
                text(node, "idTokenType", violations), text(node, "accessClass", violations),
                text(node, "vehicleId", violations), text(node, "agreementId", violations), text(node, "status", violations),
                text(node, "validFrom", violations), text(node, "validUntil", violations),
                text(node, "changedAt", violations));
        return new ReceivedItem(raw, violations);
    }

    private static String text(JsonNode node, String field, List<FieldViolation> violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(new FieldViolation(field, "must be a string"));
            return null;
        }
        return value.textValue();
    }
}
