package com.betterfleet.access.decisionlog.adapter.in.rest;

/** A viewer token that is neither a human of one account nor a machine caller (403). */
public class AccountScopeRequiredException extends RuntimeException {
    public AccountScopeRequiredException() {
        super("The token has no account_id claim and no machine role, so it may read no account's records.");
    }
}
