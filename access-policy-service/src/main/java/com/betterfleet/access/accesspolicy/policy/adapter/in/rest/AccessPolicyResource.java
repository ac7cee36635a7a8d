package com.betterfleet.access.accesspolicy.policy.adapter.in.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.betterfleet.access.accesspolicy.policy.application.PolicyCommandService;
import com.betterfleet.access.accesspolicy.policy.application.PolicyQueryService;
import com.betterfleet.access.accesspolicy.policy.application.PolicyView;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.CallerResolver;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.Problem;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.RequestValues;
import com.betterfleet.access.accesspolicy.shared.adapter.in.rest.Roles;
import com.betterfleet.access.accesspolicy.shared.config.AccessPolicyConfig;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A charger's access policy, override, expected mode and resolved schedule (contracts.md). */
@Path("/api/v1/chargers/{chargerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access policies")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", description = "Invalid input (problem details with errors[]), including an "
        + "instant outside 1970-01-01T00:00:00Z..9999-12-31T23:59:59Z or a date outside 1970-01-01..9999-12-31",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the role, or the body names another account",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Unknown charger, or another account's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AccessPolicyResource {
    private static final String ENFORCEMENT_HEADER = "Access-Enforcement";

    private final PolicyCommandService commands;
    private final PolicyQueryService queries;
    private final SecurityIdentity identity;
    private final PolicyRequestMapper requests;

    public AccessPolicyResource(PolicyCommandService commands, PolicyQueryService queries, SecurityIdentity identity,
            AccessPolicyConfig config) {
        this.commands = commands;
        this.queries = queries;
        this.identity = identity;
        this.requests = new PolicyRequestMapper(config.api().maxWindows(), config.api().maxExceptDates());
    }

    @PUT
    @Path("/access-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a charger's access policy",
            description = "Role: access-admin. Replaces the whole policy, override included. Honours If-Match "
                    + "(the ETag of GET); without it the write is unconditional. Publishes policy_changed, and "
                    + "expected_mode_changed when the current mode changes.")
    @APIResponse(responseCode = "200", description = "Replaced; ETag is the new version",
            content = @Content(schema = @Schema(implementation = PolicyResponses.Policy.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = PolicyResponses.Policy.class)))
    @APIResponse(responseCode = "409", description = "Overlapping windows (both named), or the charger belongs to another account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large")
    @APIResponse(responseCode = "415", description = "Body is not application/json")
    @APIResponse(responseCode = "422", description = "managed_access on a charger whose capability is unsupported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> putPolicy(@PathParam("chargerId") String chargerId,
            @Parameter(description = "ETag of the version this write replaces") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PolicyRequest body) {
        String id = RequestValues.chargerId(chargerId);
        return commands.put(CallerResolver.of(identity), id, requests.draft(body), ETags.ifMatch(ifMatch))
                .map(result -> withPolicy(result.created()
                        ? Response.created(URI.create("/api/v1/chargers/" + id + "/access-policy"))
                        : Response.ok(), result.view()));
    }

    @GET
    @Path("/access-policy")
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Read a charger's access policy",
            description = "Role: access-viewer (or access-admin). ETag is the version. enforcement says whether "
                    + "the charger can be relied on to follow it (not_guaranteed when partially supported).")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(schema = @Schema(implementation = PolicyResponses.Policy.class)))
    public Uni<Response> getPolicy(@PathParam("chargerId") String chargerId) {
        return queries.get(CallerResolver.of(identity), RequestValues.chargerId(chargerId))
                .map(view -> withPolicy(Response.ok(), view));
    }

    @DELETE
    @Path("/access-policy")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Take a charger out of scheduled access",
            description = "Role: access-admin. The charger is then in managed access with source none. Honours "
                    + "If-Match. Publishes policy_changed {deleted: true}.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deletePolicy(@PathParam("chargerId") String chargerId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return commands.delete(CallerResolver.of(identity), RequestValues.chargerId(chargerId), ETags.ifMatch(ifMatch))
                .map(ignored -> Response.noContent().build());
    }

    @PUT
    @Path("/access-override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set a temporary override",
            description = "Role: access-admin. {mode, until, reason}: the mode wins until `until`, then the schedule "
                    + "resumes (a boundary event is published at `until`). Bumps the policy version; honours If-Match.")
    @APIResponse(responseCode = "200", description = "The policy with its override",
            content = @Content(schema = @Schema(implementation = PolicyResponses.Policy.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "managed_access on a charger whose capability is unsupported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> putOverride(@PathParam("chargerId") String chargerId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, OverrideRequest body) {
        String id = RequestValues.chargerId(chargerId);
        return commands.putOverride(CallerResolver.of(identity), id, requests.override(body), ETags.ifMatch(ifMatch))
                .map(view -> withPolicy(Response.ok(), view));
    }

    @DELETE
    @Path("/access-override")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "End the override now",
            description = "Role: access-admin. The schedule resumes at once. Without an override in force nothing "
                    + "changes. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The policy without override",
            content = @Content(schema = @Schema(implementation = PolicyResponses.Policy.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deleteOverride(@PathParam("chargerId") String chargerId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return commands.deleteOverride(CallerResolver.of(identity), RequestValues.chargerId(chargerId), ETags.ifMatch(ifMatch))
                .map(view -> withPolicy(Response.ok(), view));
    }

    @GET
    @Path("/access-mode")
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Expected mode at an instant",
            description = "Role: access-viewer (or access-admin). {expectedMode, since, until, source, windowId, "
                    + "policyVersion}; `at` defaults to now. A known charger without a policy is managed_access, source none.")
    @APIResponse(responseCode = "200", description = "The expected mode",
            content = @Content(schema = @Schema(implementation = PolicyResponses.AccessMode.class)))
    public Uni<PolicyResponses.AccessMode> accessMode(@PathParam("chargerId") String chargerId,
            @Parameter(description = "ISO-8601 with offset, 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z; default now") @QueryParam("at") String at) {
        return queries.accessMode(CallerResolver.of(identity), RequestValues.chargerId(chargerId),
                RequestValues.instant("at", at)).map(PolicyResponses.AccessMode::of);
    }

    @GET
    @Path("/access-schedule")
    @RolesAllowed({ Roles.VIEWER, Roles.ADMIN })
    @Operation(summary = "Resolved schedule between two instants",
            description = "Role: access-viewer (or access-admin). Intervals [{mode, from, to, source, windowId}] "
                    + "tiling [from, to), daylight-saving correct, shown in the depot's local time. `from` defaults "
                    + "to now, `to` to 7 days later; at most 92 days. Header Access-Enforcement says whether "
                    + "enforcement is guaranteed.")
    @APIResponse(responseCode = "200", description = "The intervals",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PolicyResponses.Interval.class)))
    public Uni<Response> accessSchedule(@PathParam("chargerId") String chargerId,
            @Parameter(description = "ISO-8601 with offset, 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z; default now") @QueryParam("from") String from,
            @Parameter(description = "ISO-8601 with offset, 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z; default from + 7 days") @QueryParam("to") String to) {
        return queries.schedule(CallerResolver.of(identity), RequestValues.chargerId(chargerId),
                RequestValues.instant("from", from), RequestValues.instant("to", to))
                .map(view -> Response.ok(view.intervals().stream()
                        .map(interval -> PolicyResponses.Interval.of(interval, view.timeZone())).toList())
                        .header(ENFORCEMENT_HEADER, view.enforcement().wire())
                        .build());
    }

    private static Response withPolicy(Response.ResponseBuilder response, PolicyView view) {
        return response.entity(PolicyResponses.Policy.of(view))
                .header(HttpHeaders.ETAG, ETags.of(view.policy().version()))
                .header(ENFORCEMENT_HEADER, view.enforcement().wire())
                .build();
    }
}
