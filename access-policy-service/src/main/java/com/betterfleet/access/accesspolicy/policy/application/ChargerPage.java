package com.betterfleet.access.accesspolicy.policy.application;

import java.util.List;

/** One page of chargers; {@code nextCursor} is null on the last page. */
public record ChargerPage(List<ChargerSummary> items, String nextCursor) {
}
