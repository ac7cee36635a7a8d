package com.betterfleet.access.authorisation.decision.adapter.in.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.decision.application.AuthoriseCommand;
import com.betterfleet.access.authorisation.decision.application.AuthoriseService;
import com.betterfleet.access.authorisation.decision.domain.DecisionRecord;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.shared.adapter.in.rest.CallerResolver;
import com.betterfleet.access.authorisation.shared.application.InvalidInputException;
import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Authorize for the charger gateway, its compatibility route, and the no-op benchmark baseline.
 * Non-blocking: runs on the event loop and completes when the decision record is committed.
 */
@Path("/api")
@Tag(name = "Authorize")
@SecurityRequirement(name = "bearer")
public class AuthoriseResource {
    /** The fixed answer of the no-op endpoint. */
    public record NoopResponse(String status) {
    }

    private static final NoopResponse NOOP = new NoopResponse("Accepted");

    private final AuthoriseService service;
    private final SecurityIdentity identity;

    public AuthoriseResource(AuthoriseService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/v1/authorise")
    @RolesAllowed("access-authoriser")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide whether an identifier may start charging at a charger",
            description = "Role access-authoriser. Decided from memory; the decision record is committed before the "
                    + "answer. status is in the caller's protocol vocabulary (protocol from the request, else the "
                    + "charger's known protocol, else ocpp1.6). A token with an account_id claim may only authorise "
                    + "at chargers known to belong to that account (others: 404).")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Malformed JSON, missing field, unknown enum value, idToken over the protocol limit (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "Role missing (problem+json)")
    @APIResponse(responseCode = "404", description = "A token with account_id naming a charger not known to be of that account (problem+json)")
    @APIResponse(responseCode = "413", description = "Body too large (problem+json)")
    @APIResponse(responseCode = "415", description = "Not application/json (problem+json)")
    @APIResponse(responseCode = "503", description = "State not loaded yet, or the decision could not be recorded (problem+json)")
    public Uni<AuthoriseResponse> authorise(AuthoriseRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        AuthoriseCommand command = new AuthoriseCommand(request.chargerId(), request.idToken(),
                idTokenType(request.idTokenType()), request.connectorId(), protocol(request.protocol()));
        return service.authorise(CallerResolver.of(identity), command, AuthoriseResource::toResponse);
    }

    @POST
    @Path("/transaction/authorise")
    @RolesAllowed("access-authoriser")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compatibility route of the existing Core path (snake_case)",
            description = "Role access-authoriser. {charge_point_id, id_tag} -> the same decision as /api/v1/authorise.")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "400", description = "Bad input (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "Role missing (problem+json)")
    @APIResponse(responseCode = "404", description = "A token with account_id naming a charger not known to be of that account (problem+json)")
    @APIResponse(responseCode = "503", description = "Not ready or not recorded (problem+json)")
    public Uni<CompatAuthoriseResponse> authoriseCompat(CompatAuthoriseRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        AuthoriseCommand command;
        try {
            command = new AuthoriseCommand(request.chargePointId(), request.idTag(), null, request.connectorId(), null);
        } catch (InvalidInputException e) {
            throw snakeCase(e);
        }
        return service.authorise(CallerResolver.of(identity), command, AuthoriseResource::toCompatResponse)
                .onFailure(InvalidInputException.class).transform(e -> snakeCase((InvalidInputException) e));
    }

    @POST
    @Path("/v1/authorise:noop")
    @RolesAllowed("access-authoriser")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Benchmark baseline: same authentication and JSON parsing as Authorize, decides and writes nothing")
    @APIResponse(responseCode = "200", description = "Always {\"status\":\"Accepted\"}")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "Role missing (problem+json)")
    public Uni<NoopResponse> noop(AuthoriseRequest request) {
        return Uni.createFrom().item(NOOP);
    }

    private static AuthoriseResponse toResponse(DecisionRecord r) {
        return new AuthoriseResponse(r.protocolStatus(), expiry(r), r.decisionId().toString(),
                r.decision().outcome().wire(), r.decision().reason().wire(), r.decision().accessMode().wire());
    }

    private static CompatAuthoriseResponse toCompatResponse(DecisionRecord r) {
        return new CompatAuthoriseResponse(r.protocolStatus(), expiry(r), r.decisionId().toString(),
                r.decision().outcome().wire(), r.decision().reason().wire(), r.decision().accessMode().wire());
    }

    private static String expiry(DecisionRecord r) {
        return r.decision().expiryDate() == null ? null : r.decision().expiryDate().toString();
    }

    private static IdTokenType idTokenType(String value) {
        if (value == null) {
            return null;
        }
        return IdTokenType.fromWire(value).orElseThrow(() -> new InvalidInputException("idTokenType",
                "must be one of: ISO14443, ISO15693, MacAddress, eMAID, KeyCode, Local, Central, NoAuthorization"));
    }

    private static OcppProtocol protocol(String value) {
        if (value == null) {
            return null;
        }
        return OcppProtocol.fromWire(value)
                .orElseThrow(() -> new InvalidInputException("protocol", "must be one of: ocpp1.6, ocpp2.0.1"));
    }

    private static InvalidInputException snakeCase(InvalidInputException e) {
        return new InvalidInputException(e.violations().stream()
                .map(v -> new FieldViolation(snake(v.field()), v.message()))
                .toList());
    }

    private static String snake(String field) {
        return switch (field) {
            case "chargerId" -> "charge_point_id";
            case "idToken" -> "id_tag";
            case "connectorId" -> "connector_id";
            default -> field;
        };
    }
}
