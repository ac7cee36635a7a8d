package com.betterfleet.access.authorisation.shared.adapter.in.amqp;

import io.vertx.pgclient.PgException;

/**
 * Tells failures that redelivery cannot fix (the database refused the data itself: SQLSTATE class
 * 22 data exception, 23 integrity constraint violation) from transient ones (connection lost,
 * timeout). A message failing permanently is logged and acknowledged instead of looping forever.
 */
public final class PermanentFailure {
    private PermanentFailure() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
