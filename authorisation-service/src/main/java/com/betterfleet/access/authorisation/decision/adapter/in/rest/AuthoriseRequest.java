package com.betterfleet.access.authorisation.decision.adapter.in.rest;

/** Body of {@code POST /api/v1/authorise}. Unknown fields are ignored. */
public record AuthoriseRequest(String chargerId, String idToken, String idTokenType, Integer connectorId, String protocol) {
}
