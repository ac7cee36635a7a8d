package com.betterfleet.access.accesspolicy.schedule.application;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code data} of {@code charger_access.expected_mode_changed} (events.schema.json). Times are
 * ISO-8601 UTC; {@code until} is the next boundary of any kind (mode, source or window), if any,
 * and {@code modeUntil} the first change of the access mode itself, if any within the engine's
 * horizon (both additive to contracts.md). {@code modeUntil} is always written, as null when there
 * is none, so that a consumer can tell "no change of mode ahead" from an older producer that did
 * not send the field.
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
        String modeUntil,
        String source,
        String windowId,
        long policyVersion) {
}
