package com.betterfleet.access.authorisation.chargerstate.adapter.in.amqp;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.chargerstate.application.ChargerStateService;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerEvent;
import com.betterfleet.access.authorisation.shared.adapter.in.amqp.PayloadText;
import com.betterfleet.access.authorisation.shared.adapter.in.amqp.PermanentFailure;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code charger-access.policy::authorisation.policy} (policy_changed,
 * expected_mode_changed, capability_changed). A message is acknowledged once its effect is
 * committed; a database failure releases it for redelivery (modified-failed); a message that can
 * never be applied is logged and acknowledged so it cannot loop.
 */
@ApplicationScoped
public class PolicyEventConsumer {
    private static final Logger LOG = Logger.getLogger(PolicyEventConsumer.class);

    private final ChargerStateService service;
    private final PolicyEventParser parser;
    private final MeterRegistry registry;

    public PolicyEventConsumer(ChargerStateService service, ObjectMapper mapper, MeterRegistry registry) {
        this.service = service;
        this.parser = new PolicyEventParser(mapper);
        this.registry = registry;
    }

    @Incoming("policy-events")
    public Uni<Void> consume(Message<Object> message) {
        Optional<ChargerEvent> event;
        try {
            event = parser.parse(PayloadText.of(message.getPayload()));
        } catch (PolicyEventParser.InvalidEventException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("dropped an invalid charger-access.policy message: %s", e.getMessage());
            count("invalid");
            return Uni.createFrom().completionStage(message.ack());
        }
        if (event.isEmpty()) {
            count("skipped");
            return Uni.createFrom().completionStage(message.ack());
        }
        return service.apply(event.get())
                .onItemOrFailure().transformToUni((changed, failure) -> {
                    if (failure != null && PermanentFailure.is(failure)) {
                        LOG.warnf("dropped a charger-access.policy event for charger %s the database refuses: %s",
                                event.get().chargerId(), failure.getClass().getSimpleName());
                        count("invalid");
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    if (failure != null) {
                        LOG.warnf("could not apply a charger-access.policy event for charger %s (will be redelivered): %s",
                                event.get().chargerId(), failure.toString());
                        count("failed");
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    count(changed ? "applied" : "stale");
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private void count(String outcome) {
        registry.counter("authorisation.policy.events", "outcome", outcome).increment();
    }
}
