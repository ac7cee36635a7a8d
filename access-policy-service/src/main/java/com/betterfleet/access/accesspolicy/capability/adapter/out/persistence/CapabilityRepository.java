package com.betterfleet.access.accesspolicy.capability.adapter.out.persistence;

import static com.betterfleet.access.accesspolicy.policy.adapter.out.persistence.PolicyRows.timestamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.accesspolicy.capability.application.StoredCapability;
import com.betterfleet.access.accesspolicy.capability.application.port.CapabilityStore;
import com.betterfleet.access.accesspolicy.capability.domain.Capability;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityReason;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityReport;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityState;
import com.betterfleet.access.accesspolicy.capability.domain.KeyResult;
import com.betterfleet.access.accesspolicy.capability.domain.Protocol;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** charger_capability (V1__access_policy.sql). */
@ApplicationScoped
public class CapabilityRepository implements CapabilityStore {

    @Override
    public Uni<Optional<StoredCapability>> find(SqlClient client, String chargerId) {
        return client.preparedQuery("""
                SELECT charger_id, account_id, protocol, family, gateway_authorises, key_results, state, reasons, updated_at
                FROM charger_capability WHERE charger_id = $1""")
                .execute(Tuple.of(chargerId))
                .map(rows -> {
                    var iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(capability(iterator.next())) : Optional.empty();
                });
    }

    @Override
    public Uni<Void> save(SqlConnection transaction, StoredCapability stored) {
        CapabilityReport report = stored.report();
        Tuple values = Tuple.tuple()
                .addValue(stored.chargerId())
                .addValue(stored.accountId())
                .addValue(report.protocol().wire())
                .addValue(report.family())
                .addValue(report.gatewayAuthorises())
                .addValue(keyResultsJson(report.keyResults()))
                .addValue(stored.capability().state().wire())
                .addValue(reasonsJson(stored.capability().reasons()))
                .addValue(timestamp(stored.updatedAt()));
        return transaction.preparedQuery("""
                INSERT INTO charger_capability (charger_id, account_id, protocol, family, gateway_authorises, key_results,
                                                state, reasons, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (charger_id) DO UPDATE SET
                    account_id = EXCLUDED.account_id, protocol = EXCLUDED.protocol, family = EXCLUDED.family,
                    gateway_authorises = EXCLUDED.gateway_authorises, key_results = EXCLUDED.key_results,
                    state = EXCLUDED.state, reasons = EXCLUDED.reasons, updated_at = EXCLUDED.updated_at""")
                .execute(values)
                .replaceWithVoid();
    }

    private static StoredCapability capability(Row row) {
        List<KeyResult> keyResults = new ArrayList<>();
        for (Object item : row.getJsonArray("key_results")) {
            JsonObject result = (JsonObject) item;
            keyResults.add(new KeyResult(result.getString("key"), result.getString("status")));
        }
        List<CapabilityReason> reasons = new ArrayList<>();
        for (Object item : row.getJsonArray("reasons")) {
            JsonObject reason = (JsonObject) item;
            reasons.add(new CapabilityReason(reason.getString("code"), reason.getString("key"), reason.getString("detail")));
        }
        CapabilityReport report = new CapabilityReport(Protocol.fromWire(row.getString("protocol")), row.getString("family"),
                row.getBoolean("gateway_authorises"), keyResults);
        return new StoredCapability(row.getString("charger_id"), row.getString("account_id"), report,
                new Capability(CapabilityState.fromWire(row.getString("state")), reasons),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private static JsonArray keyResultsJson(List<KeyResult> results) {
        JsonArray json = new JsonArray();
        results.forEach(result -> json.add(new JsonObject().put("key", result.key()).put("status", result.status())));
        return json;
    }

    private static JsonArray reasonsJson(List<CapabilityReason> reasons) {
        JsonArray json = new JsonArray();
        reasons.forEach(reason -> json.add(new JsonObject().put("code", reason.code()).put("key", reason.key())
                .put("detail", reason.detail())));
        return json;
    }
}
