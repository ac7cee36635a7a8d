package com.betterfleet.access.authorisation.decision.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer of {@code POST /api/v1/authorise}.
 *
 * @param status the OCPP status in the caller's protocol vocabulary
 * @param expiryDate only on Accepted, when known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthoriseResponse(String status, String expiryDate, String decisionId, String decision, String reason,
        String accessMode) {
}
