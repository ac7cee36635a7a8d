package com.betterfleet.access.accesspolicy.capability.domain;

import java.util.List;
import java.util.Objects;

/**
 * What is known about a charger: its protocol, its family, whether the gateway routes its 2.0.1
 * Authorize calls to this system, and what it answered for configuration keys.
 *
 * @param family     {@code null} when not reported
 * @param keyResults empty when nothing was reported
 */
public record CapabilityReport(Protocol protocol, String family, boolean gatewayAuthorises, List<KeyResult> keyResults) {
    public CapabilityReport {
        Objects.requireNonNull(protocol, "protocol");
        keyResults = List.copyOf(keyResults == null ? List.of() : keyResults);
    }
}
