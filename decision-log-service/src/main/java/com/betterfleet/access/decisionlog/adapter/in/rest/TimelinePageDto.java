package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.util.List;

/** A page of one charger's timeline, newest first; {@code nextCursor} is null on the last page. */
public record TimelinePageDto(String chargerId, List<TimelineItemDto> items, String nextCursor) {
}
