package com.betterfleet.access.authorisation.testsupport;

import java.time.Duration;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;

/** Drives charger state through real charger-access.policy events and waits until this replica holds it. */
public final class ChargerStates {
    private ChargerStates() {
    }

    /** Publishes {@code eventJson} and waits until the in-memory state of the charger satisfies {@code applied}. */
    public static void publishAndAwait(ReplicaState state, String chargerId, String eventJson, Predicate<ChargerState> applied) {
        Broker.publishEvent(eventJson);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    ChargerState s = state.charger(chargerId);
                    return s != null && applied.test(s);
                });
    }
}
