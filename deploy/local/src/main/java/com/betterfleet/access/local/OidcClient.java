package com.betterfleet.access.local;

import java.util.List;
import java.util.Optional;

/**
 * A confidential client of the local Keycloak realm that gets tokens with the client-credentials
 * grant. Its secret is generated at each Keycloak start and never written outside deploy/local/.run.
 *
 * @param accountId the {@code account_id} claim (a caller of one account), or null for m2m clients
 */
public record OidcClient(String clientId, String secret, List<String> roles, String accountId) {
    public OidcClient {
        roles = List.copyOf(roles);
    }

    public Optional<String> account() {
        return Optional.ofNullable(accountId);
    }

    @Override
    public String toString() {
        // Keeps the secret out of logs and assertion messages.
        return "OidcClient[" + clientId + ", roles=" + roles + ", accountId=" + accountId + "]";
    }
}
