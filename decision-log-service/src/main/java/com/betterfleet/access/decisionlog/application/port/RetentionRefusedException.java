package com.betterfleet.access.decisionlog.application.port;

/**
 * The store refused to drop records: the cutoff asked for is later than the minimum retention the
 * database keeps whoever asks (or the caller may not run retention at all). Asking again with the
 * same settings fails the same way; the message says which floor applies.
 */
public class RetentionRefusedException extends RuntimeException {
    public RetentionRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
