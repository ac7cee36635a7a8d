package com.betterfleet.access.authorisation.outbox.adapter.out.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.contract.MessageContractTest;
import com.betterfleet.access.authorisation.outbox.application.OutboxMessage;
import com.betterfleet.access.authorisation.testsupport.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.amqp.AmqpMessage;

/**
 * The two AMQP shapes decisions travel in (ADR 0011) against docs/contracts: several decisions as one
 * CloudEvents JSON batch (events-batch.schema.json), a lone one as a single structured event.
 */
class DecisionMessagesContractTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<OutboxMessage> sentDecisions() {
        return MessageContractTest.sentEvents().map(arguments -> (String) arguments.get()[1]).map(json -> {
            try {
                return new OutboxMessage(UUID.fromString(MAPPER.readTree(json).get("id").asText()), json);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void severalDecisionsAreOneDurableMessageOfTheBatchSchema() throws Exception {
        List<OutboxMessage> decisions = sentDecisions();
        AmqpMessage message = DecisionMessages.batch(decisions);

        assertEquals("application/cloudevents-batch+json", message.contentType());
        assertEquals("charger_access.decision_recorded", message.subject());
        assertTrue(message.isDurable());
        assertEquals("[]", Schemas.violations(Schemas.EVENTS_BATCH, message.bodyAsString()).toString());
        JsonNode body = MAPPER.readTree(message.bodyAsString());
        assertEquals(decisions.size(), body.size());
        for (int i = 0; i < decisions.size(); i++) {
            assertEquals(MAPPER.readTree(decisions.get(i).payload()), body.get(i), "element " + i + " is the event unchanged");
        }
    }

    @Test
    void theBatchSchemaChecksEveryElementAgainstTheEventSchema() throws Exception {
        List<OutboxMessage> decisions = sentDecisions();
        ObjectNode broken = (ObjectNode) MAPPER.readTree(decisions.get(1).payload());
        ((ObjectNode) broken.get("data")).put("idHash", "RAW-TAG-0042");
        AmqpMessage message = DecisionMessages.batch(List.of(decisions.get(0),
                new OutboxMessage(decisions.get(1).decisionId(), MAPPER.writeValueAsString(broken))));

        assertFalse(Schemas.violations(Schemas.EVENTS_BATCH, message.bodyAsString()).isEmpty(),
                "an element with a raw identifier in idHash must fail the batch schema");
    }

    @Test
    void aLoneDecisionTravelsAsASingleEventKeyedByItsDecisionId() {
        OutboxMessage decision = sentDecisions().get(0);
        AmqpMessage message = DecisionMessages.batch(List.of(decision));

        assertEquals("application/cloudevents+json", message.contentType());
        assertEquals(decision.decisionId().toString(), message.id());
        assertTrue(message.isDurable());
        assertEquals("[]", Schemas.violations(Schemas.EVENTS, message.bodyAsString()).toString());
    }
}
