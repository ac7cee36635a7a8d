package com.betterfleet.access.accesspolicy.policy.adapter.in.rest;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.betterfleet.access.accesspolicy.policy.application.PolicyQueryService;
import com.betterfleet.access.accesspolicy.schedule.domain.AccessMode;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.CallerResolver;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.Problem;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.RequestValues;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.Roles;
import com.betterfleet.access.accesspolicy.shared.application.InvalidInputException;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The chargers of one account, with their published expected mode and capability. */
@Path("/api/v1/chargers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access policies")
@SecurityRequirement(name = "oidc")
public class ChargerListResource {
    private static final Set<String> CAPABILITY_FILTERS =
            Set.of("fully_supported", "partially_supported", "unsupported", "unknown");

    private final PolicyQueryService queries;
    private final SecurityIdentity identity;

    public ChargerListResource(PolicyQueryService queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "List one account's chargers",
            description = "Role: access-viewer (or access-admin). A human caller lists its own account; a caller "
                    + "without an account must pass accountId. Keyset pages by charger id (cursor, limit <= 500).")
    @APIResponse(responseCode = "200", description = "A page",
            content = @Content(schema = @Schema(implementation = PolicyResponses.Page.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the role, or accountId names another account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PolicyResponses.Page> list(
            @Parameter(description = "Required for a caller without an account") @QueryParam("accountId") String accountId,
            @QueryParam("depotId") String depotId,
            @Parameter(description = "freevend | managed_access (as last published)") @QueryParam("mode") String mode,
            @Parameter(description = "fully_supported | partially_supported | unsupported | unknown") @QueryParam("capability") String capability,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "1-500, default 50") @QueryParam("limit") String limit) {
        AccessMode accessMode = null;
        if (mode != null) {
            try {
                accessMode = AccessMode.fromWire(mode);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("mode", "must be freevend or managed_access");
            }
        }
        String depotDefect = RequestValues.idDefect(depotId);
        if (depotDefect != null) {
            throw new InvalidInputException("depotId", depotDefect);
        }
        if (capability != null && !CAPABILITY_FILTERS.contains(capability)) {
            throw new InvalidInputException("capability", "must be one of " + String.join(", ", CAPABILITY_FILTERS));
        }
        return queries.list(CallerResolver.of(identity), blankToNull(accountId), blankToNull(depotId), accessMode,
                        capability, cursor, RequestValues.integer("limit", limit))
                .map(page -> new PolicyResponses.Page(page.items().stream().map(PolicyResponses.Charger::of).toList(),
                        page.nextCursor()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
