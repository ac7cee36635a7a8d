package com.betterfleet.access.authorisation.decision.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.decision.domain.FreevendTags;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierHasher;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.shared.application.UnavailableException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AuthoriseServiceTest {
    @Test
    void answersUnavailableUntilTheStateIsLoadedAndRecordsNothing() {
        AtomicInteger recorded = new AtomicInteger();
        DecisionRecorder recorder = (record, onDurable, onFailure) -> {
            recorded.incrementAndGet();
            onDurable.run();
        };
        AuthoriseService service = new AuthoriseService(new ReplicaState(), new IdentifierHasher("p"), FreevendTags.none(),
                recorder, new DecisionMetrics(new SimpleMeterRegistry()), new UnknownChargers(new SimpleMeterRegistry()),
                Clock.systemUTC());
        UnavailableException e = assertThrows(UnavailableException.class, () -> service.authorise(
                new AuthoriseCommand("CP-1", "UNKNOWN", null, null, null)).await().indefinitely());
        assertEquals("state-not-loaded", e.slug());
        assertEquals(0, recorded.get());
    }
}
