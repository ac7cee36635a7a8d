package com.betterfleet.access.decisionlog.adapter.in.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.betterfleet.access.decisionlog.config.DecisionLogConfig;
import com.betterfleet.access.decisionlog.domain.CallerScope;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Tenancy of decisions.md section 7: a token with an {@code account_id} claim is a human caller
 * who sees that account only; a token without it is a machine caller (one of the configured m2m
 * roles) who sees every account; anything else is refused.
 */
@ApplicationScoped
public class CallerScopeResolver {
    static final String ACCOUNT_CLAIM = "account_id";

    private final List<String> m2mRoles;

    public CallerScopeResolver(DecisionLogConfig config) {
        this.m2mRoles = List.copyOf(config.query().m2mRoles());
    }

    public CallerScope scopeOf(SecurityIdentity identity) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(ACCOUNT_CLAIM) : null;
        String account = claim == null ? null : unquoted(claim.toString());
        if (account != null) {
            if (account.isBlank()) {
                throw new AccountScopeRequiredException();
            }
            return CallerScope.account(account);
        }
        if (m2mRoles.stream().anyMatch(identity::hasRole)) {
            return CallerScope.ALL_ACCOUNTS;
        }
        throw new AccountScopeRequiredException();
    }

    /** JSON string claims may come back as JsonString, whose toString keeps the quotes. */
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
