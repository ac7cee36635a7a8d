package com.betterfleet.access.local;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An in-process Apache Artemis broker speaking AMQP 1.0 on 127.0.0.1, with a persistent journal
 * so that durable messages survive {@link #stop()} and {@link #start()} (the fault tests rely on it).
 * The port stays the same across restarts so clients reconnect by themselves.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedActiveMQ server;
    private boolean deleteOnClose;

    public EmbeddedAmqpBroker(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static EmbeddedAmqpBroker onFreePort(Path dataDirectory) {
        return new EmbeddedAmqpBroker(dataDirectory, FreePort.next());
    }

    /**
     * A broker on a free port whose journal lives in a new temporary directory, deleted by
     * {@link #close()} (tests and benchmarks: each left tens of MB of journal behind otherwise).
     */
    public static EmbeddedAmqpBroker temporary(String prefix) throws java.io.IOException {
        EmbeddedAmqpBroker broker = onFreePort(java.nio.file.Files.createTempDirectory(prefix));
        broker.deleteOnClose = true;
        return broker;
    }

    public synchronized EmbeddedAmqpBroker start() {
        if (server != null) {
            return this;
        }
        // per-message audit and frame logging cost more CPU than the messages themselves
        LogLevels.set("org.apache.activemq", java.util.logging.Level.WARNING);
        try {
            EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
            embedded.setConfiguration(configuration());
            embedded.start();
            server = embedded;
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("AMQP broker did not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("AMQP broker did not stop", e);
        } finally {
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** Messages waiting in one queue, e.g. to show that nothing was consumed yet. */
    public synchronized long messageCount(String address, String queue) {
        if (server == null) {
            throw new IllegalStateException("broker is stopped");
        }
        var q = server.getActiveMQServer().locateQueue(queue);
        return q == null ? 0 : q.getMessageCount();
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = java.nio.file.Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // best effort: a leftover temporary directory is not worth failing a test run for
        }
    }

    private Configuration configuration() throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("charger-access-local");
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJournalType(JournalType.NIO);
        // A durable send is acknowledged after the journal write that holds it. Artemis gathers writes
        // for up to this long before one fsync (NIO default 3.33 ms). Authorize waits for that
        // acknowledgement (ADR 0010), and an fsync here takes about 1.4 ms, so gather for 1 ms.
        // Settable for benchmarks (charger-access.broker.journal-buffer-timeout-ns): 0 switches the
        // gathering off, which stops its thread's yield-spinning (0.1-0.3 cores at 300-1,000 messages/s)
        // but syncs every message on its own, which measured worse end to end (docs/benchmarks.md).
        config.setJournalBufferTimeout_NIO(Integer.getInteger("charger-access.broker.journal-buffer-timeout-ns", 1_000_000));
        config.setJournalDirectory(dataDirectory.resolve("journal").toString());
        config.setBindingsDirectory(dataDirectory.resolve("bindings").toString());
        config.setPagingDirectory(dataDirectory.resolve("paging").toString());
        config.setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dataDirectory.resolve("lock").toString());
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        // Unknown addresses become anycast queues: a message sent before its consumer attaches is kept.
        config.addAddressSetting("#", new AddressSettings()
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                .setRedeliveryDelay(200)
                .setMaxDeliveryAttempts(-1));
        for (MessagingTopology.Address address : MessagingTopology.ADDRESSES) {
            RoutingType routing = address.routing() == MessagingTopology.Routing.MULTICAST
                    ? RoutingType.MULTICAST
                    : RoutingType.ANYCAST;
            CoreAddressConfiguration addressConfig = new CoreAddressConfiguration()
                    .setName(address.name())
                    .addRoutingType(routing);
            for (String queue : address.queues()) {
                addressConfig.addQueueConfiguration(QueueConfiguration.of(queue)
                        .setAddress(address.name())
                        .setRoutingType(routing)
                        .setDurable(true));
            }
            config.addAddressConfiguration(addressConfig);
        }
        return config;
    }
}
