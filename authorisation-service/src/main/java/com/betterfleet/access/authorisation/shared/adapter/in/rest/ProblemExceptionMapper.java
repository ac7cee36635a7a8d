package com.betterfleet.access.authorisation.shared.adapter.in.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.betterfleet.access.authorisation.shared.application.AccessDeniedException;
import com.betterfleet.access.authorisation.shared.application.InvalidInputException;
import com.betterfleet.access.authorisation.shared.application.ResourceNotFoundException;
import com.betterfleet.access.authorisation.shared.application.UnavailableException;
import com.betterfleet.access.authorisation.shared.domain.FieldViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/**
 * The one place where failures become RFC 9457 problem responses. Details never echo request
 * values (a request may carry a raw identifier); bad input is always a 4xx, never a 500.
 */
public class ProblemExceptionMapper {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(Problem.validation("One or more fields are invalid.", e.violations()));
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableException e) {
        return Response.status(503)
                .header("Retry-After", "1")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.slug(), e.title(), 503, e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return respond(Problem.of("not-found", "Not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of("unauthorized", "Unauthorized", 401, "A valid bearer token is required."))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "The token lacks the role this operation requires."));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(jsonProblem(e));
    }

    /** More specific than the built-in mapper Quarkus REST registers for this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return respond(byStatus(status));
    }

    /**
     * A safety net behind validation: the database refusing a value as data (SQLSTATE class 22, e.g.
     * a NUL in text, a value out of range) is bad input, a 400, not a 500. Other database errors
     * stay internal errors.
     */
    @ServerExceptionMapper
    public Response database(PgException e) {
        if (e.getSqlState() != null && e.getSqlState().startsWith("22")) {
            // SQLSTATE only: the server's message may quote the value
            LOG.warnf("the database refused a request value (SQLSTATE %s); answered 400", e.getSqlState());
            return respond(Problem.of("invalid-data", "Invalid data", 400,
                    "A value of the request cannot be stored or compared; nothing was written."));
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        // Class and location only: an exception message could quote request content (a raw identifier).
        StackTraceElement[] trace = e.getStackTrace();
        LOG.errorf("unexpected failure: %s at %s", e.getClass().getName(), trace.length > 0 ? trace[0] : "?");
        return respond(Problem.of("internal-error", "Internal error", 500, "The request could not be processed."));
    }

    static Problem byStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of("bad-request", "Bad request", 400, "The request could not be read.");
            case 401 -> Problem.of("unauthorized", "Unauthorized", 401, "A valid bearer token is required.");
            case 403 -> Problem.of("forbidden", "Forbidden", 403, "Not allowed.");
            case 404 -> Problem.of("not-found", "Not found", 404, "No such resource.");
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405, "This method is not supported here.");
            case 406 -> Problem.of("not-acceptable", "Not acceptable", 406, "Only application/json responses are produced.");
            case 413 -> payloadTooLarge();
            case 415 -> Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "The request body must be application/json.");
            default -> status >= 500
                    ? Problem.of("internal-error", "Internal error", status, "The request could not be processed.")
                    : Problem.of("bad-request", "Bad request", status, "The request could not be processed.");
        };
    }

    static Problem payloadTooLarge() {
        return Problem.of("payload-too-large", "Payload too large", 413, "The request body exceeds the size limit.");
    }

    private static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return Problem.validation("Unknown field.", List.of(new FieldViolation(path(u), "is not a known field")));
        }
        if (e instanceof InvalidFormatException f) {
            return Problem.validation("A field has the wrong format.", List.of(new FieldViolation(path(f), "has an invalid value")));
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            return Problem.validation("A field has the wrong type.",
                    List.of(new FieldViolation(field.isEmpty() ? "body" : field, "has the wrong JSON type")));
        }
        return Problem.of("malformed-json", "Malformed JSON", 400, "The request body is not valid JSON.");
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
