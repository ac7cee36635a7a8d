package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.net.ConnectException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.betterfleet.access.decisionlog.domain.ChargerNotFoundException;
import com.betterfleet.access.decisionlog.domain.InvalidQueryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/**
 * The one place where failures become responses: RFC 9457 problem details
 * ({@code application/problem+json}) with a stable {@code type} per error. Bad input is a 4xx,
 * never a 500; details never echo input values or exception class names.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** PostgreSQL's query_canceled, which a statement_timeout raises. */
    private static final String QUERY_CANCELED = "57014";

    private final ObjectMapper json;

    public ProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return respond(new Problem(Problem.TYPE_PREFIX + "validation-failed", "Invalid request", 400,
                "One or more query parameters are invalid; see errors.", e.errors()));
    }

    @ServerExceptionMapper
    public Response chargerNotFound(ChargerNotFoundException e) {
        return respond(Problem.of("charger-not-found", "Charger not found", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response accountScopeRequired(AccountScopeRequiredException e) {
        return respond(Problem.of("account-scope-required", "Forbidden", 403, e.getMessage()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(respond(Problem.of("unauthorized", "Unauthorized", 401,
                "A valid OIDC bearer token is required.")))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "The token lacks the role this operation requires."));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of("not-found", "Not found", 404, "No such resource."));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response response = respond(Problem.of("method-not-allowed", "Method not allowed", 405,
                "This resource does not support that method."));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(Problem.of("not-acceptable", "Not acceptable", 406, "Responses are application/json."));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                "This resource does not accept that content type."));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return respond(Problem.of("http-" + status, Response.Status.fromStatusCode(status) == null
                ? "Request failed" : Response.Status.fromStatusCode(status).getReasonPhrase(), status,
                "The request could not be processed."));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (sqlStates(e).anyMatch(QUERY_CANCELED::equals)) {
            // the query pool's statement_timeout: asking again asks for the same work, so no Retry-After
            LOG.warn("Query stopped by the decision log's statement timeout; answered 504");
            return respond(Problem.of("query-timeout", "Query took too long", 504,
                    "The decision log stopped this query: it would read too many records. Narrow the time range"
                            + " (from, to) or add a filter (chargerId, depotId, reason, decision)."));
        }
        if (databaseUnavailable(e)) {
            LOG.warnf("Query failed, database unavailable: %s", e.getClass().getSimpleName());
            return Response.fromResponse(respond(Problem.of("service-unavailable", "Service unavailable", 503,
                    "The decision log store is unavailable; retry shortly.")))
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .build();
        }
        String dataError = dataErrorState(e);
        if (dataError != null) {
            // the parameter checks should have caught it: log the SQLSTATE only (PostgreSQL's message may quote the value)
            LOG.warnf("Query refused by the database for a parameter value (SQLSTATE %s); answered 400", dataError);
            return respond(new Problem(Problem.TYPE_PREFIX + "validation-failed", "Invalid request", 400,
                    "A query parameter holds a value the decision log cannot compare.", List.of()));
        }
        LOG.error("Unexpected failure answering a request", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The request failed unexpectedly; it has been logged."));
    }

    /**
     * The SQLSTATE of a data exception (class 22: e.g. 22021, a NUL byte) in the cause chain, or
     * null. Only a query's parameters can cause one on the read path: the caller's input, a 400.
     */
    private static String dataErrorState(Throwable e) {
        return sqlStates(e).filter(state -> state.startsWith("22")).findFirst().orElse(null);
    }

    /** The SQLSTATEs of the PostgreSQL errors in the cause chain, outermost first. */
    private static Stream<String> sqlStates(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause)
                .filter(PgException.class::isInstance).map(t -> ((PgException) t).getSqlState()).filter(Objects::nonNull);
    }

    private static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof io.vertx.core.VertxException
                    && String.valueOf(t.getMessage()).toLowerCase().contains("connection")) {
                return true;
            }
        }
        return sqlStates(e).anyMatch(state -> state.startsWith("08") || state.startsWith("53") || state.startsWith("57"));
    }

    private Response respond(Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + problem.type() + "\",\"status\":" + problem.status() + "}";
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
