package com.betterfleet.access.authorisation.registry.application;

import java.util.List;

import com.betterfleet.access.authorisation.identifier.domain.RawIdentifierItem;
import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

/** One item as read from JSON, with what was already wrong while reading it (wrong JSON types). */
public record ReceivedItem(RawIdentifierItem raw, List<FieldViolation> readViolations) {
    public ReceivedItem {
        readViolations = List.copyOf(readViolations);
    }
}
