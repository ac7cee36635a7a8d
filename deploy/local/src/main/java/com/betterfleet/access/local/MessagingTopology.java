package com.betterfleet.access.local;

import java.util.List;

/**
 * The broker addresses and queues every service relies on. Mirrored by
 * docs/contracts/asyncapi.yaml and deploy/k8s/broker/broker.xml; change all three together.
 *
 * <p>Multicast addresses fan one event out to one durable queue per consuming service, so every
 * service sees every event and replicas of one service compete on that service's queue. Consumers
 * attach with the fully qualified queue name {@code address::queue}; queue names are global in
 * the broker, so they are {@code <service>.<feed>}. Anycast addresses are plain
 * work queues. Every queue is pre-created: a message sent before its consumer first attaches is
 * kept, not dropped.
 */
public final class MessagingTopology {
    private MessagingTopology() {
    }

    public enum Routing {
        MULTICAST, ANYCAST
    }

    public record Address(String name, Routing routing, List<String> queues) {
    }

    /** policy_changed, expected_mode_changed, capability_changed (access-policy-service). */
    public static final String POLICY_EVENTS = "charger-access.policy";
    /** mode_change_requested / confirmed / failed (mode-apply-service). */
    public static final String MODE_CHANGE_EVENTS = "charger-access.mode-changes";
    /** decision_recorded (authorisation-service). */
    public static final String DECISION_EVENTS = "charger-access.decisions";
    /** Vehicle identifier feed from Manage Core: one identifiers:batch item per message. */
    public static final String IDENTIFIER_FEED = "charger-access.identifiers";
    /** Commands to the charger gateway (Manage Connect). */
    public static final String GATEWAY_COMMANDS = "charger-gateway.commands";
    /** Command results from the charger gateway. */
    public static final String GATEWAY_RESULTS = "charger-gateway.results";
    /** Charger connection changes from the charger gateway. */
    public static final String GATEWAY_CONNECTIONS = "charger-gateway.connections";

    public static final List<Address> ADDRESSES = List.of(
            new Address(POLICY_EVENTS, Routing.MULTICAST, List.of("authorisation.policy", "decision-log.policy")),
            new Address(MODE_CHANGE_EVENTS, Routing.MULTICAST, List.of("decision-log.mode-changes")),
            new Address(DECISION_EVENTS, Routing.MULTICAST, List.of("decision-log.decisions")),
            new Address(IDENTIFIER_FEED, Routing.ANYCAST, List.of(IDENTIFIER_FEED)),
            new Address(GATEWAY_COMMANDS, Routing.ANYCAST, List.of(GATEWAY_COMMANDS)),
            new Address(GATEWAY_RESULTS, Routing.ANYCAST, List.of(GATEWAY_RESULTS)),
            // no queue until mode-apply-service consumes connection changes (a queue nobody consumes grows forever)
            new Address(GATEWAY_CONNECTIONS, Routing.MULTICAST, List.of()));

    /** The fully qualified queue name a consumer attaches to. */
    public static String fqqn(String address, String queue) {
        return address + "::" + queue;
    }
}
