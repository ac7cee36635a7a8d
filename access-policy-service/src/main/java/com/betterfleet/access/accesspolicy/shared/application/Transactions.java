package com.betterfleet.access.accesspolicy.shared.application;

import java.time.Duration;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * A transaction for the background jobs (ticker, relay), which run on their own threads and may
 * block them: the work runs on the calling thread, so CPU work (schedule evaluation) stays off the
 * event loop. Every wait is bounded.
 */
public final class Transactions {
    private Transactions() {
    }

    /** Runs {@code work} in a transaction; commits if it returns, rolls back if it throws. */
    public static <T> T inTransaction(Pool pool, Duration timeout, Function<SqlConnection, T> work) {
        SqlConnection connection = pool.getConnection().await().atMost(timeout);
        try {
            Transaction transaction = connection.begin().await().atMost(timeout);
            T result;
            try {
                result = work.apply(connection);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(transaction, timeout, e);
                throw e;
            }
            transaction.commit().await().atMost(timeout);
            return result;
        } finally {
            connection.close().await().atMost(timeout);
        }
    }

    private static void rollbackQuietly(Transaction transaction, Duration timeout, Throwable cause) {
        try {
            transaction.rollback().await().atMost(timeout);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
