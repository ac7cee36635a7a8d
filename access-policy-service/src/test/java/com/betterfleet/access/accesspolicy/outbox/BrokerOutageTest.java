package com.betterfleet.access.accesspolicy.outbox;

import static com.betterfleet.access.accesspolicy.support.Api.newChargerId;
import static com.betterfleet.access.accesspolicy.support.Api.putPolicy;
import static com.betterfleet.access.accesspolicy.support.PolicyBody.policyOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.support.Api;
import com.betterfleet.access.accesspolicy.support.Database;
import com.betterfleet.access.accesspolicy.support.PublishedEvents;
import com.betterfleet.access.accesspolicy.support.PublishedEvents.Received;
import com.betterfleet.access.accesspolicy.support.Tokens;
import com.betterfleet.access.local.testsupport.AmqpBrokerTestResource;

import io.quarkus.test.junit.QuarkusTest;

/** The transactional outbox: nothing accepted is lost while the broker is down; it flows when it returns. */
@QuarkusTest
class BrokerOutageTest {
    private static final String ACCOUNT = "acc-outage";
    private static final String ADMIN = Tokens.adminOf(ACCOUNT);

    @Test
    void policyWritesAreAcceptedWhileTheBrokerIsDownAndTheirEventsFlowWhenItReturns() throws Exception {
        PublishedEvents events = PublishedEvents.get();
        String first = newChargerId("outage");
        String second = newChargerId("outage");
        AmqpBrokerTestResource.broker().stop();
        try {
            putPolicy(ADMIN, first, policyOf(ACCOUNT)).statusCode(201);
            putPolicy(ADMIN, second, policyOf(ACCOUNT).defaultMode("managed_access")).statusCode(201);
            Api.putOverride(ADMIN, first, "managed_access", "2099-01-01T00:00:00Z").statusCode(200);
            Thread.sleep(1500);
            assertThat("events wait in the outbox", Database.count(
                    "SELECT count(*) FROM outbox WHERE charger_id IN (?, ?)", first, second), equalTo(6L));
        } finally {
            AmqpBrokerTestResource.broker().start();
        }

        List<Received> firstEvents = events.await(PublishedEvents.about(first), 4, Duration.ofSeconds(30));
        events.await(PublishedEvents.about(second), 2, Duration.ofSeconds(30));
        // In commit order: policy v1, mode freevend, policy v2 (override), mode managed_access.
        assertThat(firstEvents.stream().map(r -> r.type() + ":" + r.data().path("version").asText(r.data().path("mode").asText()))
                .distinct().toList(), equalTo(List.of("charger_access.policy_changed:1",
                        "charger_access.expected_mode_changed:freevend", "charger_access.policy_changed:2",
                        "charger_access.expected_mode_changed:managed_access")));
        assertThat(events.all(PublishedEvents.about(second)), hasSize(2));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Database.count(
                "SELECT count(*) FROM outbox WHERE charger_id IN (?, ?)", first, second) == 0);
    }
}
