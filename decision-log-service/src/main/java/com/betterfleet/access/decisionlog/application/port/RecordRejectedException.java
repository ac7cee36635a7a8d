package com.betterfleet.access.decisionlog.application.port;

/**
 * The store refused a record for what it contains (a constraint or data error), so storing it
 * again can never succeed. The message names the constraint, never a value.
 */
public class RecordRejectedException extends RuntimeException {
    public RecordRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
