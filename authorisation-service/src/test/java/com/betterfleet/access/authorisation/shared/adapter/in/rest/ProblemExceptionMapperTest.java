package com.betterfleet.access.authorisation.shared.adapter.in.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

/** The safety net behind validation: data the database refuses is the caller's bad input, not our 500. */
class ProblemExceptionMapperTest {
    private final ProblemExceptionMapper mapper = new ProblemExceptionMapper();

    @Test
    void dataExceptionOfTheDatabaseIsA400Problem() {
        // 22021: character not in repertoire (a NUL in text); 22008: datetime field overflow
        for (String sqlState : new String[] { "22021", "22008", "22P02" }) {
            var response = mapper.database(new PgException("invalid byte sequence", "ERROR", sqlState, null));
            assertEquals(400, response.getStatus(), sqlState);
            Problem problem = (Problem) response.getEntity();
            assertEquals(Problem.TYPE_PREFIX + "invalid-data", problem.type());
            assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        }
    }

    @Test
    void otherDatabaseErrorsStayInternal() {
        assertEquals(500, mapper.database(new PgException("connection lost", "FATAL", "08006", null)).getStatus());
    }
}
