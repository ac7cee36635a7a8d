package com.betterfleet.access.decisionlog.adapter.in.amqp;

/**
 * A message that is not a storable charger_access event. {@link #reason()} is a short code for
 * metrics; the message names fields, never their values (they may hold identifiers).
 */
public class MalformedEventException extends RuntimeException {
    private final String reason;

    public MalformedEventException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
