package com.betterfleet.access.authorisation.shared.adapter.in.rest;

import java.security.Principal;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.betterfleet.access.authorisation.shared.application.Caller;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Reads the caller's account from the token's {@code account_id} claim. Without the claim a caller
 * works across accounts only if it holds a machine role (decisions.md section 7: "m2m roles work
 * across accounts"); an admin or viewer token that merely lacks the claim sees no account at all.
 */
public final class CallerResolver {
    public static final String ACCOUNT_CLAIM = "account_id";
    /** Roles that act across accounts when the token carries no account. */
    public static final java.util.Set<String> MACHINE_ROLES = java.util.Set.of("access-authoriser", "identifier-sync");
    private static final String NO_ACCOUNT = "";

    private CallerResolver() {
    }

    public static Caller of(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            Object account = jwt.getClaim(ACCOUNT_CLAIM);
            if (account != null) {
                String value = account.toString();
                if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                // A present but blank claim scopes the caller to no account at all, never to all.
                return new Caller(value);
            }
        }
        return MACHINE_ROLES.stream().anyMatch(identity::hasRole) ? Caller.MACHINE : new Caller(NO_ACCOUNT);
    }
}
