package com.betterfleet.access.authorisation.chargerstate.adapter.in.amqp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.testdata.PolicyEventBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Text of a policy event reaches decision records (account, depot, window), which
 * decision-log-service refuses with control characters: such an event is invalid here already.
 */
class PolicyEventParserControlCharactersTest {
    private static final Instant AT = Instant.parse("2030-03-04T10:00:00Z");
    private final PolicyEventParser parser = new PolicyEventParser(new ObjectMapper());

    @Test
    void refusesAControlCharacterInAnyTextField() {
        String event = PolicyEventBuilder.expectedModeChanged("CP-1", "acc-A", "freevend", 3, AT).json();
        assertTrue(parser.parse(event).isPresent());
        assertThrows(PolicyEventParser.InvalidEventException.class,
                () -> parser.parse(event.replace("\"acc-A\"", "\"acc-A\\u0000\"")));
        assertThrows(PolicyEventParser.InvalidEventException.class,
                () -> parser.parse(event.replace("\"depot-1\"", "\"depot\\u001f1\"")));
        assertThrows(PolicyEventParser.InvalidEventException.class,
                () -> parser.parse(event.replace("\"w-1\"", "\"w-1\\u007f\"")));
    }
}
