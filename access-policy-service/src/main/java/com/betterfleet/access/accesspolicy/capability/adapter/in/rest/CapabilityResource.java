package com.betterfleet.access.accesspolicy.capability.adapter.in.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.betterfleet.access.accesspolicy.capability.application.CapabilityService;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityReport;
import com.betterfleet.access.accesspolicy.capability.domain.KeyResult;
import com.betterfleet.access.accesspolicy.capability.domain.Protocol;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.CallerResolver;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.Problem;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.RequestValues;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.Roles;
import com.betterfleet.access.accesspolicy.shared.application.FieldViolation;
import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A charger's capability: protocol, family and answers in; state and reasons out. */
@Path("/api/v1/chargers/{chargerId}/capability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Capability")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", description = "Invalid input (problem details with errors[])",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the role, or the body names another account",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown charger or capability, or another account's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CapabilityResource {
    private static final int MAX_FIELD = 64;
    private static final int MAX_KEY_RESULTS = 100;

    private final CapabilityService capabilities;
    private final SecurityIdentity identity;

    public CapabilityResource(CapabilityService capabilities, SecurityIdentity identity) {
        this.capabilities = capabilities;
        this.identity = identity;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Report a charger's capability",
            description = "Role: access-admin. {protocol, family, gatewayAuthorises, keyResults?} in; the derived "
                    + "{state, reasons[]} out. OCPP 1.6 with a known family profile is fully_supported; an unknown "
                    + "family is unsupported (unknown_family_profile); OCPP 2.0.1 is partially_supported "
                    + "(gateway_does_not_authorise) until gatewayAuthorises is true; a Rejected/NotSupported answer "
                    + "downgrades (required key: unsupported, optional key: partially_supported). Publishes "
                    + "capability_changed when anything changed.")
    @APIResponse(responseCode = "200", description = "The capability",
            content = @Content(schema = @Schema(implementation = CapabilityResponse.class)))
    @APIResponse(responseCode = "409", description = "The charger belongs to another account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CapabilityResponse> put(@PathParam("chargerId") String chargerId, CapabilityRequest body) {
        String id = RequestValues.chargerId(chargerId);
        return capabilities.put(CallerResolver.of(identity), id, body == null ? null : body.accountId(), report(body))
                .map(CapabilityResponse::of);
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Read a charger's capability", description = "Role: access-viewer (or access-admin).")
    @APIResponse(responseCode = "200", description = "The capability",
            content = @Content(schema = @Schema(implementation = CapabilityResponse.class)))
    public Uni<CapabilityResponse> get(@PathParam("chargerId") String chargerId) {
        return capabilities.get(CallerResolver.of(identity), RequestValues.chargerId(chargerId))
                .map(CapabilityResponse::of);
    }

    private static CapabilityReport report(CapabilityRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldViolation> errors = new ArrayList<>();
        Protocol protocol = null;
        if (body.protocol() == null) {
            errors.add(new FieldViolation("protocol", "is required"));
        } else {
            try {
                protocol = Protocol.fromWire(body.protocol());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation("protocol", "must be ocpp1.6 or ocpp2.0.1"));
            }
        }
        text(errors, "accountId", body.accountId());
        text(errors, "family", body.family());
        List<KeyResult> keyResults = keyResults(body.keyResults(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CapabilityReport(protocol, body.family(), Boolean.TRUE.equals(body.gatewayAuthorises()), keyResults);
    }

    /** An optional text field: when present, 1 to MAX_FIELD characters without control characters. */
    private static void text(List<FieldViolation> errors, String field, String value) {
        if (value == null) {
            return;
        }
        String defect = value.isBlank() || value.length() > MAX_FIELD ? "must be 1-" + MAX_FIELD + " characters"
                : RequestValues.idDefect(value);
        if (defect != null) {
            errors.add(new FieldViolation(field, defect));
        }
    }

    private static List<KeyResult> keyResults(List<CapabilityRequest.KeyResultRequest> items, List<FieldViolation> errors) {
        if (items == null) {
            return List.of();
        }
        if (items.size() > MAX_KEY_RESULTS) {
            errors.add(new FieldViolation("keyResults", "may hold at most " + MAX_KEY_RESULTS + " items"));
            return List.of();
        }
        List<KeyResult> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CapabilityRequest.KeyResultRequest item = items.get(i);
            String path = "keyResults[" + i + "]";
            String keyDefect = item == null || item.key() == null || item.key().isBlank() || item.key().length() > 200
                    ? "is required (at most 200 characters)" : RequestValues.idDefect(item.key());
            if (keyDefect != null) {
                errors.add(new FieldViolation(path + ".key", keyDefect));
            } else if (item.status() == null || !KeyResult.KNOWN.contains(item.status())) {
                errors.add(new FieldViolation(path + ".status", "must be one of " + String.join(", ", KeyResult.KNOWN)));
            } else {
                results.add(new KeyResult(item.key(), item.status()));
            }
        }
        return results;
    }
}
