package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.betterfleet.access.decisionlog.application.TimelineQueryService;
import com.betterfleet.access.decisionlog.config.DecisionLogConfig;
import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.CallerScope;
import com.betterfleet.access.decisionlog.domain.Cursor;
import com.betterfleet.access.decisionlog.domain.DecisionRecord;
import com.betterfleet.access.decisionlog.domain.RecordKind;
import com.betterfleet.access.decisionlog.domain.TimeRange;
import com.betterfleet.access.decisionlog.domain.TimelineFilter;
import com.betterfleet.access.decisionlog.domain.TimelineRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** One charger's access timeline (contracts.md, decision-log-service). */
@Path("/api/v1/chargers/{chargerId}/access-timeline")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("access-viewer")
@Tag(name = "Charger access timeline", description = "Decisions, expected-mode changes and mode-change outcomes of one charger")
@SecurityRequirement(name = "oidc")
public class ChargerTimelineResource {
    private final TimelineQueryService timelines;
    private final CallerScopeResolver scopes;
    private final SecurityIdentity identity;
    private final DecisionLogConfig.Query config;
    private final ObjectMapper json;

    public ChargerTimelineResource(TimelineQueryService timelines, CallerScopeResolver scopes, SecurityIdentity identity,
            DecisionLogConfig config, ObjectMapper json) {
        this.timelines = timelines;
        this.scopes = scopes;
        this.identity = identity;
        this.config = config.query();
        this.json = json;
    }

    @GET
    @Operation(summary = "A charger's decisions and mode events in one stream, newest first",
            description = "Role access-viewer. Every record kind (decision, expected_mode_changed, mode_change_requested, "
                    + "mode_change_confirmed, mode_change_failed, policy_changed, capability_changed, and any other "
                    + "charger_access.* event kept under its own name) unless kind= narrows it. "
                    + "A charger with no record visible to the caller, including another account's charger, is 404.")
    @APIResponse(responseCode = "200", description = "One page of the timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelinePageDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not access-viewer, or neither an account_id claim nor a machine role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No record of this charger is visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "The query ran past the decision log's statement timeout: narrow the range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TimelinePageDto> timeline(
            @PathParam("chargerId") String chargerId,
            @Parameter(description = QueryParameters.RANGE_FROM) @QueryParam("from") String from,
            @Parameter(description = QueryParameters.RANGE_TO) @QueryParam("to") String to,
            @Parameter(description = "Comma-separated record kinds to keep (default: all); any stored kind name, "
                    + "e.g. decision or a charger_access.* event name such as mode_change_failed") @QueryParam("kind") String kind,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        CallerScope scope = scopes.scopeOf(identity);
        QueryParameters params = new QueryParameters();
        String charger = params.chargerId("chargerId", chargerId);
        TimeRange range = params.range(params.timestamp("from", from), params.timestamp("to", to));
        List<RecordKind> kinds = kinds(params, kind);
        Optional<Cursor> after = params.cursor(cursor);
        int pageSize = params.limit(limit, config.defaultLimit(), config.maxLimit());
        params.validate();
        TimelineFilter filter = new TimelineFilter(scope, charger, range, kinds);
        return timelines.timeline(filter, after, pageSize)
                .map(page -> new TimelinePageDto(charger, page.items().stream().map(this::item).toList(),
                        page.next().map(Cursor::encode).orElse(null)));
    }

    private static List<RecordKind> kinds(QueryParameters params, String value) {
        List<RecordKind> kinds = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return kinds;
        }
        for (String name : value.split(",")) {
            RecordKind.named(name.trim()).ifPresentOrElse(kinds::add, () -> params.error("kind",
                    "must list record kinds: lower-case names of a-z, 0-9 and _, e.g. "
                            + String.join(", ", RecordKind.KNOWN.stream().map(RecordKind::value).toList())));
        }
        return kinds;
    }

    private TimelineItemDto item(AccessRecord record) {
        DecisionDto decision = record instanceof DecisionRecord d ? DecisionDto.of(d) : null;
        JsonNode data = record instanceof TimelineRecord t ? parse(t.payloadJson()) : null;
        return new TimelineItemDto(record.kind().value(), record.recordId(), DecisionDto.iso(record.occurredAt()),
                record.chargerId(), record.accountId(), record.depotId(), record.source(), decision, data);
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is not JSON", e);
        }
    }
}
