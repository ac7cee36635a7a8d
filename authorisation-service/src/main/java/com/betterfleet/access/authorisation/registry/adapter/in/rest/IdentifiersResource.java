package com.betterfleet.access.authorisation.registry.adapter.in.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.registry.adapter.in.IdentifierItemReader;
import com.betterfleet.access.authorisation.registry.application.IdentifierPage;
import com.betterfleet.access.authorisation.registry.application.IdentifierRegistryService;
import com.betterfleet.access.authorisation.registry.application.ItemResult;
import com.betterfleet.access.authorisation.registry.application.ReceivedItem;
import com.betterfleet.access.authorisation.shared.adapter.in.rest.CallerResolver;
import com.betterfleet.access.authorisation.shared.adapter.in.rest.Problem;
import com.betterfleet.access.authorisation.shared.application.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The identifier registry API: batch upsert/delete and the masked, paginated view. */
@Path("/api")
@Tag(name = "Identifier registry")
@SecurityRequirement(name = "bearer")
public class IdentifiersResource {

    /** One item's result; {@code problem} only for rejected items. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResultBody(int index, String status, String idMask, Problem problem) {
        static ItemResultBody of(ItemResult result) {
            Problem problem = result.rejection() == null ? null
                    : new Problem(Problem.TYPE_PREFIX + result.rejection().slug(), result.rejection().title(),
                            result.rejection().status(), result.rejection().detail(), result.rejection().errors());
            return new ItemResultBody(result.index(), result.status().wire(), result.idMask(), problem);
        }
    }

    public record BatchResponse(List<ItemResultBody> results) {
    }

    private final IdentifierRegistryService registry;
    private final SecurityIdentity identity;

    public IdentifiersResource(IdentifierRegistryService registry, SecurityIdentity identity) {
        this.registry = registry;
        this.identity = identity;
    }

    @POST
    @Path("/v1/identifiers:batch")
    @RolesAllowed({ "identifier-sync", "access-admin" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upsert or delete many identifiers",
            description = "Roles identifier-sync, access-admin. Body: a JSON array of identifier items "
                    + "(identifier-item.schema.json). Each item gets its own result (created, updated, deleted, "
                    + "not_found, stale or rejected with a problem); a human caller's items naming another account are "
                    + "rejected with status 403. An item whose changedAt is not newer than the last change applied "
                    + "to the identifier is skipped as stale; an item without changedAt counts as changed when it "
                    + "is applied. Raw tokens are hashed on arrival and never stored.")
    @APIResponse(responseCode = "200", description = "Per-item results")
    @APIResponse(responseCode = "400", description = "Not a JSON array, too many items, or a value the database refuses (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "Role missing (problem+json)")
    @APIResponse(responseCode = "413", description = "Body too large (problem+json)")
    @APIResponse(responseCode = "415", description = "Not application/json (problem+json)")
    public Uni<BatchResponse> batch(JsonNode body) {
        List<ReceivedItem> items = items(body);
        return registry.applyBatch(items, CallerResolver.of(identity)).map(results -> {
            List<ItemResultBody> bodies = new ArrayList<>(results.size());
            results.forEach(r -> bodies.add(ItemResultBody.of(r)));
            return new BatchResponse(bodies);
        });
    }

    @GET
    @Path("/v1/identifiers")
    @RolesAllowed("access-viewer")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List identifiers (masked view)",
            description = "Role access-viewer. Ordered by accountId, idHash; keyset pagination through nextCursor. "
                    + "A human caller sees only its own account.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad accessClass, cursor or limit, or a control character in accountId (problem+json)")
    @APIResponse(responseCode = "401", description = "No valid bearer token (problem+json)")
    @APIResponse(responseCode = "403", description = "Role missing, or another account named (problem+json)")
    public Uni<IdentifierPage> list(@QueryParam("accountId") String accountId, @QueryParam("accessClass") String accessClass,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        AccessClass cls = null;
        if (accessClass != null) {
            cls = AccessClass.fromWire(accessClass)
                    .orElseThrow(() -> new InvalidInputException("accessClass", "must be one of: own_fleet, agreement"));
        }
        return registry.list(CallerResolver.of(identity), accountId, cls, cursor, parseLimit(limit));
    }

    private static Integer parseLimit(String limit) {
        if (limit == null) {
            return null;
        }
        try {
            return Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be an integer");
        }
    }

    private static List<ReceivedItem> items(JsonNode body) {
        JsonNode array = body;
        if (body != null && body.isObject() && body.has("items")) {
            array = body.get("items");
        }
        if (array == null || !array.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of identifier items");
        }
        List<ReceivedItem> items = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            items.add(IdentifierItemReader.read(node));
        }
        return items;
    }
}
