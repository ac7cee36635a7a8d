package com.betterfleet.access.authorisation.registry.adapter.in.amqp;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.betterfleet.access.authorisation.registry.adapter.in.IdentifierItemReader;
import com.betterfleet.access.authorisation.registry.application.IdentifierRegistryService;
import com.betterfleet.access.authorisation.registry.application.ItemStatus;
import com.betterfleet.access.authorisation.registry.application.ReceivedItem;
import com.betterfleet.access.authorisation.shared.adapter.in.amqp.PayloadText;
import com.betterfleet.access.authorisation.shared.adapter.in.amqp.PermanentFailure;
import com.betterfleet.access.authorisation.shared.domain.FieldViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * The vehicle identifier feed ({@code charger-access.identifiers}): one identifiers:batch item per
 * message. Applied items are acknowledged after commit; items not newer than the stored change
 * (redelivered or reordered, see changedAt) are skipped and acknowledged; invalid items are logged
 * by mask and field names (never the raw token) and acknowledged, so they cannot loop; a database
 * failure releases the message for redelivery.
 */
@ApplicationScoped
public class IdentifierFeedConsumer {
    private static final Logger LOG = Logger.getLogger(IdentifierFeedConsumer.class);

    private final IdentifierRegistryService registry;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;

    public IdentifierFeedConsumer(IdentifierRegistryService registry, ObjectMapper mapper, MeterRegistry meters) {
        this.registry = registry;
        this.mapper = mapper;
        this.meters = meters;
    }

    @Incoming("identifier-feed")
    public Uni<Void> consume(Message<Object> message) {
        ReceivedItem item = read(PayloadText.of(message.getPayload()));
        Uni<Void> outcome;
        try {
            outcome = registry.applyFeedItem(item).invoke(result -> {
                count(result.status().wire());
                if (result.status() == ItemStatus.REJECTED) {
                    LOG.warnf("rejected an identifier feed message (idMask %s): %s", result.idMask(),
                            describe(result.rejection().errors()));
                } else if (result.status() == ItemStatus.STALE) {
                    // normal for an at-least-once feed (redelivery, reordering): counted, not warned about
                    LOG.debugf("skipped a stale identifier feed message (idMask %s)", result.idMask());
                }
            }).replaceWithVoid();
        } catch (RuntimeException e) {
            outcome = Uni.createFrom().failure(e);
        }
        return outcome.onItemOrFailure().transformToUni((ignored, failure) -> {
            if (failure == null) {
                return Uni.createFrom().completionStage(message.ack());
            }
            if (PermanentFailure.is(failure)) {
                LOG.warnf("dropped an identifier feed message the database refuses: %s", failure.getClass().getSimpleName());
                count("invalid");
                return Uni.createFrom().completionStage(message.ack());
            }
            LOG.warnf("could not apply an identifier feed message (will be redelivered): %s", failure.getClass().getName());
            count("failed");
            return Uni.createFrom().completionStage(message.nack(failure));
        });
    }

    private ReceivedItem read(String text) {
        JsonNode node = null;
        if (text != null) {
            try {
                node = mapper.readTree(text);
            } catch (Exception e) {
                node = null;
            }
        }
        return IdentifierItemReader.read(node);
    }

    private static String describe(List<FieldViolation> errors) {
        if (errors == null || errors.isEmpty()) {
            return "not allowed";
        }
        StringBuilder out = new StringBuilder();
        for (FieldViolation error : errors) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(error.field()).append(' ').append(error.message());
        }
        return out.toString();
    }

    private void count(String outcome) {
        meters.counter("authorisation.identifier.feed", "outcome", outcome).increment();
    }
}
