package com.betterfleet.access.authorisation.chargerstate.adapter.in.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerEvent;
import com.betterfleet.access.authorisation.chargerstate.domain.ExpectedMode;
import com.betterfleet.access.authorisation.testdata.PolicyEventBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;

/** modeUntil in expected_mode_changed: a value, null (no change of mode ahead) and absent (older producer) differ. */
class PolicyEventParserModeUntilTest {
    private static final Instant AT = Instant.parse("2030-03-04T10:00:00Z");
    private final PolicyEventParser parser = new PolicyEventParser(new ObjectMapper());

    private static PolicyEventBuilder freevend() {
        return PolicyEventBuilder.expectedModeChanged("CP-1", "acc-A", "freevend", 3, AT).until(AT.plusSeconds(3600));
    }

    private ExpectedMode parse(PolicyEventBuilder event) {
        return ((ChargerEvent.ExpectedModeChanged) parser.parse(event.json()).orElseThrow()).expectedMode();
    }

    @Test
    void modeUntilIsReadNextToUntil() {
        ExpectedMode mode = parse(freevend().modeUntil(AT.plusSeconds(7200)));
        assertEquals(AT.plusSeconds(3600), mode.until());
        assertTrue(mode.modeUntilAnnounced());
        assertEquals(AT.plusSeconds(7200), mode.modeUntil());
        assertEquals(AT.plusSeconds(7200), mode.modeEnd());
    }

    @Test
    void modeUntilWithAnOffsetIsTheSameInstant() {
        assertEquals(AT.plusSeconds(7200), parse(freevend().data("modeUntil", "2030-03-04T13:00:00+01:00")).modeUntil());
    }

    @Test
    void nullModeUntilMeansNoChangeOfModeAhead() {
        ExpectedMode mode = parse(freevend().modeUntilNone());
        assertTrue(mode.modeUntilAnnounced());
        assertNull(mode.modeUntil());
        assertNull(mode.modeEnd(), "the mode has no known end, whatever until says");
    }

    @Test
    void absentModeUntilIsAnOlderProducerWhoseUntilIsTheEnd() {
        ExpectedMode mode = parse(freevend());
        assertFalse(mode.modeUntilAnnounced());
        assertNull(mode.modeUntil());
        assertEquals(AT.plusSeconds(3600), mode.modeEnd());
    }

    @Test
    void malformedModeUntilMakesTheEventInvalid() {
        assertThrows(PolicyEventParser.InvalidEventException.class, () -> parser.parse(freevend().data("modeUntil", "soon")
                .json()));
        assertThrows(PolicyEventParser.InvalidEventException.class, () -> parser.parse(freevend().data("modeUntil", "")
                .json()));
        assertThrows(PolicyEventParser.InvalidEventException.class,
                () -> parser.parse(freevend().data("modeUntil", "2030-03-04T13:00:00").json()));
    }
}
