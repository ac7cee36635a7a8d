package com.betterfleet.access.authorisation.replica;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.identifier.domain.HashedIdentifier;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.shared.adapter.out.persistence.StateChangeLock;
import com.betterfleet.access.authorisation.testdata.RegisteredIdentifierBuilder;
import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Database;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Replicas converge: a change committed by another replica (here: written straight into the
 * database exactly as a replica writes it) is used for decisions on this one within 2 s.
 */
@QuarkusTest
class ReplicationTest {
    @Inject
    ReplicaState state;
    @Inject
    MeterRegistry registry;

    private double unreadable(String kind) {
        return registry.counter("authorisation.state.unreadable.rows", "kind", kind).count();
    }

    /** Writes like a replica: state-change lock, then a change_seq from the sequence, one transaction. */
    private static void asAnotherReplica(String sql, Object... args) throws Exception {
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, StateChangeLock.KEY);
                lock.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.execute();
            }
            c.commit();
        }
    }

    @Test
    void identifierWrittenByAnotherReplicaIsDecidedOnWithinTwoSeconds() throws Exception {
        String raw = "REPLICA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HashedIdentifier id = RegisteredIdentifierBuilder.ownFleet().token(raw, null).hashed();
        asAnotherReplica("INSERT INTO identifier (account_id, id_hash, id_mask, id_token_type, access_class, status, "
                + "change_seq) VALUES ('acc-R', ?, ?, 'Local', 'own_fleet', 'active', nextval('state_change_seq'))",
                id.idHash(), id.idMask());
        long committed = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> !state.identifiers(id.idHash()).isEmpty());
        assertTrue(System.nanoTime() - committed < Duration.ofSeconds(2).toNanos());
        // Identifiers count only at their own account's chargers: a charger of acc-R, known without policy.
        String cp = "CP-REPLICA-" + UUID.randomUUID().toString().substring(0, 8);
        asAnotherReplica("INSERT INTO charger_state (charger_id, account_id, change_seq) "
                + "VALUES (?, 'acc-R', nextval('state_change_seq'))", cp);
        // setup, not the property under test: generous for a loaded CI machine
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> state.charger(cp) != null);
        Api.authorise(cp, raw, null).statusCode(200).body("reason", equalTo("own_fleet"));
    }

    @Test
    void chargerStateWrittenByAnotherReplicaIsDecidedOnWithinTwoSeconds() throws Exception {
        String cp = "CP-REPLICA-" + UUID.randomUUID().toString().substring(0, 8);
        asAnotherReplica("INSERT INTO charger_state (charger_id, account_id, policy_version, mode, mode_effective_at, "
                + "mode_source, mode_policy_version, change_seq) VALUES (?, 'acc-R', 1, 'freevend', now() - interval '1 minute', "
                + "'override', 1, nextval('state_change_seq'))", cp);
        // setup, not the property under test: generous for a loaded CI machine
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> state.charger(cp) != null);
        Api.authorise(cp, "ANYONE", null).statusCode(200).body("reason", equalTo("freevend"));
    }

    @Test
    void rowsThisVersionCannotReadDoNotStopReplication() throws Exception {
        double identifiersBefore = unreadable("identifier");
        double chargersBefore = unreadable("charger");
        // As a newer version may write them: an idTokenType this version does not know, and a charger
        // row its domain refuses (a negative policy version of the mode).
        HashedIdentifier future = RegisteredIdentifierBuilder.ownFleet()
                .token("FUTURE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), null).hashed();
        asAnotherReplica("INSERT INTO identifier (account_id, id_hash, id_mask, id_token_type, access_class, status, "
                + "change_seq) VALUES ('acc-R', ?, ?, 'BiometricTemplate', 'own_fleet', 'active', nextval('state_change_seq'))",
                future.idHash(), future.idMask());
        String odd = "CP-ODD-" + UUID.randomUUID().toString().substring(0, 8);
        asAnotherReplica("INSERT INTO charger_state (charger_id, account_id, policy_version, mode, mode_effective_at, "
                + "mode_source, mode_policy_version, change_seq) VALUES (?, 'acc-R', 1, 'freevend', now(), 'override', -1, "
                + "nextval('state_change_seq'))", odd);
        // Changes committed after them still reach this replica within 2 s.
        String raw = "AFTER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HashedIdentifier after = RegisteredIdentifierBuilder.ownFleet().token(raw, null).hashed();
        asAnotherReplica("INSERT INTO identifier (account_id, id_hash, id_mask, id_token_type, access_class, status, "
                + "change_seq) VALUES ('acc-R', ?, ?, 'Local', 'own_fleet', 'active', nextval('state_change_seq'))",
                after.idHash(), after.idMask());
        String cp = "CP-AFTER-" + UUID.randomUUID().toString().substring(0, 8);
        asAnotherReplica("INSERT INTO charger_state (charger_id, account_id, change_seq) "
                + "VALUES (?, 'acc-R', nextval('state_change_seq'))", cp);
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> !state.identifiers(after.idHash()).isEmpty() && state.charger(cp) != null);
        assertTrue(state.identifiers(future.idHash()).isEmpty());
        assertNull(state.charger(odd));
        assertEquals(1, unreadable("identifier") - identifiersBefore, 0.0);
        assertEquals(1, unreadable("charger") - chargersBefore, 0.0);
        Api.authorise(cp, raw, null).statusCode(200).body("reason", equalTo("own_fleet"));
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        RestAssured.given().port(port).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void readinessIsUpOnceTheStateIsLoadedAndDoesNotHangOnTheDatabase() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        // No database check: Authorize needs memory and the broker, and a database outage would otherwise
        // take every replica out of service at once.
        RestAssured.given().port(port).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("authorisation-state"))
                .body("checks.name", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.containsStringIgnoringCase("postgres"),
                        org.hamcrest.Matchers.containsStringIgnoringCase("database")))))
                .body("checks.find { it.name == 'authorisation-state' }.data.syncCurrent", equalTo(true));
    }
}
