package com.betterfleet.access.decisionlog.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.pgclient.PgException;

/**
 * The safety net behind the parameter checks: a data exception (SQLSTATE class 22) on the read path
 * is the caller's input, a 400 validation problem, never a 500.
 */
class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper(new ObjectMapper());

    @Test
    void answersADataExceptionFromTheDatabaseWithAValidationProblem() {
        PgException nul = new PgException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "22021", null);

        for (Throwable failure : new Throwable[] { nul, new CompletionException(nul) }) {
            Response response = mapper.unexpected(failure);
            assertEquals(400, response.getStatus());
            assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
            String body = (String) response.getEntity();
            assertTrue(body.contains("/validation-failed\""), body);
            assertFalse(body.contains("0x00") || body.contains("PgException"), "no driver text: " + body);
        }
    }

    @Test
    void stillAnswersOtherDatabaseErrorsAsServerErrors() {
        assertEquals(500, mapper.unexpected(new PgException("function does not exist", "ERROR", "42883", null)).getStatus());
        assertEquals(503, mapper.unexpected(new PgException("terminating connection", "FATAL", "57P01", null)).getStatus());
    }
}
