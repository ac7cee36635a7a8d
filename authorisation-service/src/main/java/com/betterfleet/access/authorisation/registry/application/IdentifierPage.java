package com.betterfleet.access.authorisation.registry.application;

import java.util.List;

/** One page of the masked registry view; {@code nextCursor} is null on the last page. */
public record IdentifierPage(List<IdentifierView> items, String nextCursor) {
}
