package com.betterfleet.access.authorisation.outbox.adapter.out.amqp;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.amqp.AmqpClientOptions;

/**
 * The broker the decision connections go to: the same {@code amqp-host}/{@code amqp-port}/
 * {@code amqp-username}/{@code amqp-password} as the messaging channels. Connections made from
 * here never reconnect by themselves: their owners decide when to try again.
 */
@Singleton
public class BrokerEndpoint {
    private final String host;
    private final int port;
    private final Optional<String> username;
    private final Optional<String> password;

    public BrokerEndpoint(@ConfigProperty(name = "amqp-host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "amqp-port", defaultValue = "5672") int port,
            @ConfigProperty(name = "amqp-username") Optional<String> username,
            @ConfigProperty(name = "amqp-password") Optional<String> password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** Options for one connection; {@code purpose} names it in the broker's connection list. */
    AmqpClientOptions options(String purpose, Duration connectTimeout) {
        AmqpClientOptions options = new AmqpClientOptions().setHost(host).setPort(port)
                .setConnectTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())))
                .setReconnectAttempts(0)
                .setContainerId("authorisation-service-" + purpose + "-" + UUID.randomUUID());
        username.ifPresent(options::setUsername);
        password.ifPresent(options::setPassword);
        return options;
    }
}
