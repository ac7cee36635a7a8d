package com.betterfleet.access.authorisation.chargerstate.domain;

import java.time.Instant;
import java.util.Objects;

/** The charger_access.* events that shape the charger state this service decides from. */
public sealed interface ChargerEvent permits ChargerEvent.PolicyChanged, ChargerEvent.ExpectedModeChanged,
        ChargerEvent.CapabilityChanged {

    String chargerId();

    String accountId();

    /** {@code charger_access.policy_changed}: only version, deletion, account and depot matter here. */
    record PolicyChanged(String chargerId, String accountId, String depotId, long version, boolean deleted)
            implements ChargerEvent {
        public PolicyChanged {
            Objects.requireNonNull(chargerId, "chargerId");
            Objects.requireNonNull(accountId, "accountId");
            if (version < 1) {
                throw new IllegalArgumentException("version must be at least 1");
            }
        }
    }

    /** {@code charger_access.expected_mode_changed}. */
    record ExpectedModeChanged(String chargerId, String accountId, String depotId, ExpectedMode expectedMode)
            implements ChargerEvent {
        public ExpectedModeChanged {
            Objects.requireNonNull(chargerId, "chargerId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(expectedMode, "expectedMode");
        }
    }

    /** {@code charger_access.capability_changed}: protocol and family; {@code at} orders them. */
    record CapabilityChanged(String chargerId, String accountId, OcppProtocol protocol, String family, Instant at)
            implements ChargerEvent {
        public CapabilityChanged {
            Objects.requireNonNull(chargerId, "chargerId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(at, "at");
        }
    }
}
