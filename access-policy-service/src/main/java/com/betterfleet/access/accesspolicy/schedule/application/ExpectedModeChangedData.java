package com.betterfleet.access.accesspolicy.schedule.application;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of {@code charger_access.expected_mode_changed} (events.schema.json). Times are
 * ISO-8601 UTC; {@code until} is the next boundary, if any (additive to contracts.md).
 */
@RegisterForReflection
public record ExpectedModeChangedData(
        String accountId,
        String chargerId,
        String depotId,
        String previousMode,
        String mode,
        String effectiveAt,
        String until,
        String source,
        String windowId,
        long policyVersion) {
}
