package com.betterfleet.access.authorisation.decision.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of the compatibility route: the same decision, snake_case. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompatAuthoriseResponse(String status, @JsonProperty("expiry_date") String expiryDate,
        @JsonProperty("decision_id") String decisionId, String decision, String reason,
        @JsonProperty("access_mode") String accessMode) {
}
