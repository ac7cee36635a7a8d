package com.betterfleet.access.authorisation.decision.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of the compatibility route {@code POST /api/transaction/authorise} (Manage Core). */
public record CompatAuthoriseRequest(@JsonProperty("charge_point_id") String chargePointId,
        @JsonProperty("id_tag") String idTag, @JsonProperty("connector_id") Integer connectorId) {
}
