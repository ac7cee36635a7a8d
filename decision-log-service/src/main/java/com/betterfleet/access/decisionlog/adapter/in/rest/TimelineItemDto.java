package com.betterfleet.access.decisionlog.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a charger timeline. {@code kind} says which: {@code decision} (then
 * {@code decision} holds it) or the event name, e.g. {@code expected_mode_changed},
 * {@code mode_change_failed} (then {@code data} holds the event data as published).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineItemDto(
        String kind,
        String id,
        String occurredAt,
        String chargerId,
        String accountId,
        String depotId,
        String source,
        DecisionDto decision,
        JsonNode data) {
}
