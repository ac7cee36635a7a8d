package com.betterfleet.access.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.junit.jupiter.api.Test;

/** The Kubernetes broker declares exactly the addresses and queues the embedded broker does. */
class BrokerConfigTest {

    @Test
    void brokerXmlDeclaresTheMessagingTopology() throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        // Artemis' own loader: it validates against the schema, as the broker does at start.
        FileDeploymentManager loader = new FileDeploymentManager(
                RepositoryFiles.k8s().resolve("broker/broker.xml").toUri().toString());
        loader.addDeployable(configuration);
        loader.readConfiguration();

        assertEquals(expected(), declared(configuration));
        assertTrue(configuration.isPersistenceEnabled());
    }

    /** address -> "ROUTING: queue/ROUTING, ..." as written in MessagingTopology. */
    private static Map<String, String> expected() {
        return MessagingTopology.ADDRESSES.stream().collect(Collectors.toMap(MessagingTopology.Address::name,
                a -> a.routing() + ": " + a.queues().stream().map(q -> q + "/" + a.routing()).sorted()
                        .collect(Collectors.joining(", ")),
                (x, y) -> x, TreeMap::new));
    }

    private static Map<String, String> declared(FileConfiguration configuration) {
        return configuration.getAddressConfigurations().stream().collect(Collectors.toMap(
                CoreAddressConfiguration::getName,
                a -> a.getRoutingTypes().stream().map(Enum::name).sorted().collect(Collectors.joining("+")) + ": "
                        + a.getQueueConfigs().stream().map(BrokerConfigTest::queue).sorted().collect(Collectors.joining(", ")),
                (x, y) -> x, TreeMap::new));
    }

    private static String queue(QueueConfiguration queue) {
        return queue.getName() + "/" + queue.getRoutingType();
    }
}
