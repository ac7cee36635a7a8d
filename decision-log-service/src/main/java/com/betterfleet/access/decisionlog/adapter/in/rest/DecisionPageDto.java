package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.util.List;

/** A page of decisions, newest first; {@code nextCursor} is null on the last page. */
public record DecisionPageDto(List<DecisionDto> items, String nextCursor) {
}
