package com.betterfleet.access.accesspolicy.shared.adapter.in.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.betterfleet.access.accesspolicy.policy.application.OverlappingWindowsException;
import com.betterfleet.access.accesspolicy.schedule.domain.InvalidPolicyException;
import com.betterfleet.access.accesspolicy.schedule.domain.WindowOverlap;
import com.betterfleet.access.accesspolicy.shared.application.AccountMismatchException;
import com.betterfleet.access.accesspolicy.shared.application.ConflictException;
import com.betterfleet.access.accesspolicy.shared.application.FieldViolation;
import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;
import com.betterfleet.access.accesspolicy.shared.application.NotFoundException;
import com.betterfleet.access.accesspolicy.shared.application.PreconditionFailedException;
import com.betterfleet.access.accesspolicy.shared.application.UnprocessableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/**
 * The one place where failures become RFC 9457 problem responses. Bad input is always a 4xx,
 * never a 500; details never leak exception class names.
 */
public class ProblemExceptionMapper {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(Problem.validation("One or more fields are invalid.", e.violations()));
    }

    @ServerExceptionMapper
    public Response invalidPolicy(InvalidPolicyException e) {
        return respond(Problem.validation("One or more fields are invalid.",
                List.of(new FieldViolation(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of(e.slug(), "Not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response accountMismatch(AccountMismatchException e) {
        return respond(Problem.of("account-forbidden", "Forbidden", 403, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return respond(Problem.of(e.slug(), e.title(), 409, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response overlapping(OverlappingWindowsException e) {
        List<FieldViolation> errors = new ArrayList<>();
        List<Problem.Overlap> pairs = new ArrayList<>();
        for (WindowOverlap overlap : e.overlaps()) {
            errors.add(new FieldViolation(e.field(overlap.firstWindowId()),
                    "window '" + overlap.firstWindowId() + "' overlaps window '" + overlap.secondWindowId() + "'"));
            errors.add(new FieldViolation(e.field(overlap.secondWindowId()),
                    "window '" + overlap.secondWindowId() + "' overlaps window '" + overlap.firstWindowId() + "'"));
            pairs.add(new Problem.Overlap(overlap.firstWindowId(), overlap.secondWindowId(),
                    overlap.firstWindowStartDay().name(), overlap.secondWindowStartDay().name()));
        }
        return respond(Problem.of("overlapping-windows", "Overlapping windows", 409, e.getMessage())
                .withErrors(errors).withOverlaps(pairs));
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e) {
        Response.ResponseBuilder response = Response.status(412).type(Problem.MEDIA_TYPE)
                .entity(Problem.of("precondition-failed", "Precondition failed", 412, e.getMessage()));
        if (e.currentVersion() != null) {
            response.tag(new EntityTag(Long.toString(e.currentVersion())));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e) {
        return respond(Problem.of(e.slug(), e.title(), 422, e.getMessage()).withErrors(e.violations()));
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

    /** More specific than {@link #json}, so that it wins over Quarkus' built-in (empty-bodied) mapper. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
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

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        String dataError = dataErrorState(e);
        if (dataError != null) {
            // the field checks should have caught it: log the SQLSTATE only (PostgreSQL's message may quote the value)
            LOG.warnf("A write or query was refused by the database for a value (SQLSTATE %s); answered 400", dataError);
            return respond(Problem.validation("A value in the request cannot be stored or compared.", List.of()));
        }
        LOG.errorf(e, "unexpected failure: %s", e.getClass().getName());
        return respond(Problem.of("internal-error", "Internal error", 500, "The request could not be processed."));
    }

    /**
     * The SQLSTATE of a data exception (class 22, e.g. 22021 for U+0000, 22P05 for it in JSON) in
     * the cause chain, or null: the request's own values, a 400, and nothing was stored.
     */
    private static String dataErrorState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return pg.getSqlState();
            }
        }
        return null;
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
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
