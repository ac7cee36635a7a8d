package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import com.betterfleet.access.decisionlog.application.DecisionQueryService;
import com.betterfleet.access.decisionlog.config.DecisionLogConfig;
import com.betterfleet.access.decisionlog.domain.CallerScope;
import com.betterfleet.access.decisionlog.domain.ControlCharacters;
import com.betterfleet.access.decisionlog.domain.Cursor;
import com.betterfleet.access.decisionlog.domain.DecisionFilter;
import com.betterfleet.access.decisionlog.domain.DecisionOutcome;
import com.betterfleet.access.decisionlog.domain.DecisionReason;
import com.betterfleet.access.decisionlog.domain.IdentifierHasher;
import com.betterfleet.access.decisionlog.domain.SummaryGroupBy;
import com.betterfleet.access.decisionlog.domain.TimeRange;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Decision search and dashboard counts (contracts.md, decision-log-service). */
@Path("/api/v1/access-decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("access-viewer")
@Tag(name = "Access decisions", description = "Append-only, masked access decision records")
@SecurityRequirement(name = "oidc")
@APIResponse(responseCode = "400", description = "Invalid query parameter (problem details naming every failing field)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not access-viewer, or neither an account_id claim nor a machine role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "504", description = "The query ran past the decision log's statement timeout: narrow the range or add a filter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AccessDecisionResource {
    static final List<String> ID_TOKEN_TYPES = List.of("Central", "eMAID", "ISO14443", "ISO15693",
            "KeyCode", "Local", "MacAddress", "NoAuthorization");
    private static final int MAX_ID_TOKEN_LENGTH = 255;

    private final DecisionQueryService decisions;
    private final CallerScopeResolver scopes;
    private final SecurityIdentity identity;
    private final IdentifierHasher hasher;
    private final DecisionLogConfig.Query config;
    private final Clock clock;

    public AccessDecisionResource(DecisionQueryService decisions, CallerScopeResolver scopes, SecurityIdentity identity,
            IdentifierHasher hasher, DecisionLogConfig config, Clock clock) {
        this.decisions = decisions;
        this.scopes = scopes;
        this.identity = identity;
        this.hasher = hasher;
        this.config = config.query();
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Search access decisions, newest first",
            description = "Role access-viewer. A caller with an account_id claim sees that account only; machine callers see all. "
                    + "idToken is a raw identifier: it is hashed server-side (with idTokenType when given) and never logged. "
                    + "Pages with an opaque keyset cursor: pass nextCursor back as cursor with the same filters.")
    @APIResponse(responseCode = "200", description = "One page of decisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionPageDto.class)))
    public Uni<DecisionPageDto> search(
            @QueryParam("chargerId") String chargerId,
            @QueryParam("depotId") String depotId,
            @Parameter(schema = @Schema(enumeration = { "allowed", "denied" })) @QueryParam("decision") String decision,
            @QueryParam("reason") String reason,
            @Parameter(description = QueryParameters.RANGE_FROM) @QueryParam("from") String from,
            @Parameter(description = QueryParameters.RANGE_TO) @QueryParam("to") String to,
            @Parameter(description = "Raw identifier to search for; hashed server-side") @QueryParam("idToken") String idToken,
            @Parameter(description = "OCPP 2.0.1 IdTokenEnumType of idToken; absent = OCPP 1.6 idTag") @QueryParam("idTokenType") String idTokenType,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        CallerScope scope = scopes.scopeOf(identity);
        QueryParameters params = new QueryParameters();
        DecisionFilter filter = filter(scope, params, chargerId, depotId, decision, reason,
                params.range(params.timestamp("from", from), params.timestamp("to", to)), idToken, idTokenType);
        Optional<Cursor> after = params.cursor(cursor);
        int pageSize = params.limit(limit, config.defaultLimit(), config.maxLimit());
        params.validate();
        return decisions.search(filter, after, pageSize)
                .map(page -> new DecisionPageDto(page.items().stream().map(DecisionDto::of).toList(),
                        page.next().map(Cursor::encode).orElse(null)));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Decision counts per reason, charger or UTC hour, for dashboards",
            description = "Role access-viewer, account-scoped like the search. Without from/to: the last day. "
                    + "The range may span at most access.decision-log.query.summary-max-range (default 93 days).")
    @APIResponse(responseCode = "200", description = "Counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryDto.class)))
    public Uni<SummaryDto> summary(
            @Parameter(description = QueryParameters.RANGE_FROM) @QueryParam("from") String from,
            @Parameter(description = QueryParameters.RANGE_TO) @QueryParam("to") String to,
            @Parameter(schema = @Schema(enumeration = { "reason", "charger", "hour" }, defaultValue = "reason")) @QueryParam("groupBy") String groupBy,
            @QueryParam("chargerId") String chargerId,
            @QueryParam("depotId") String depotId,
            @Parameter(schema = @Schema(enumeration = { "allowed", "denied" })) @QueryParam("decision") String decision,
            @QueryParam("reason") String reason) {
        CallerScope scope = scopes.scopeOf(identity);
        QueryParameters params = new QueryParameters();
        SummaryGroupBy grouping = Optional.ofNullable(params.oneOf("groupBy", groupBy, SummaryGroupBy::of,
                Arrays.stream(SummaryGroupBy.values()).map(SummaryGroupBy::wire).toList()))
                .orElse(SummaryGroupBy.REASON);
        TimeRange range = summaryRange(params, params.timestamp("from", from), params.timestamp("to", to));
        DecisionFilter filter = filter(scope, params, chargerId, depotId, decision, reason, range, null, null);
        params.validate();
        return decisions.summarise(filter, grouping, config.summaryMaxGroups()).map(SummaryDto::of);
    }

    private DecisionFilter filter(CallerScope scope, QueryParameters params, String chargerId, String depotId, String decision,
            String reason, TimeRange range, String idToken, String idTokenType) {
        String charger = params.chargerId("chargerId", chargerId);
        String depot = params.text("depotId", depotId);
        DecisionOutcome outcome = params.oneOf("decision", decision, DecisionOutcome::of, List.of("allowed", "denied"));
        String why = params.oneOf("reason", reason, r -> Optional.of(r).filter(DecisionReason::isKnown), DecisionReason.ALL);
        String type = params.oneOf("idTokenType", idTokenType, t -> Optional.of(t).filter(ID_TOKEN_TYPES::contains), ID_TOKEN_TYPES);
        Set<String> hashes = Set.of();
        if (idToken != null && !idToken.isEmpty()) {
            if (idToken.isBlank() || idToken.length() > MAX_ID_TOKEN_LENGTH || ControlCharacters.in(idToken)) {
                params.error("idToken", "must be 1 to " + MAX_ID_TOKEN_LENGTH + " characters, without control characters");
            } else if (!params.hasErrors()) {
                hashes = hasher.searchHashes(idToken, type);
            }
        } else if (idTokenType != null && !idTokenType.isEmpty()) {
            params.error("idTokenType", "is only used together with idToken");
        }
        if (params.hasErrors()) {
            return null;
        }
        return new DecisionFilter(scope, charger, depot, outcome, why, range == null ? TimeRange.UNBOUNDED : range, hashes);
    }

    private TimeRange summaryRange(QueryParameters params, Instant from, Instant to) {
        if (params.hasErrors()) {
            return null;
        }
        Instant end = to != null ? to : (from != null && from.isAfter(clock.instant()) ? null : clock.instant());
        Instant start = from != null ? from : (end == null ? null : end.minus(config.summaryDefaultRange()));
        if (end == null) {
            return params.error("to", "is required when from is in the future");
        }
        TimeRange range = params.range(start, end);
        if (range != null && range.length().map(length -> length.compareTo(config.summaryMaxRange()) > 0).orElse(false)) {
            return params.error("from", "the range may span at most " + days(config.summaryMaxRange()) + " days");
        }
        return range;
    }

    private static long days(Duration duration) {
        return duration.toDays();
    }
}
