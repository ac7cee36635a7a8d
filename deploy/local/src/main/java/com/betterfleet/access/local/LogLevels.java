package com.betterfleet.access.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sets log levels in a JVM that runs infrastructure in-process (tests, the benchmark, the local run).
 * With slf4j bound to JBoss LogManager but no java.util.logging.manager set (a plain JVM, not a
 * Quarkus application), the JBoss log context lets everything through: the embedded broker then
 * formats a TRACE line for every AMQP frame, which measured as most of its CPU in the benchmark. The
 * JBoss context is reached reflectively because it is not always on the class path.
 */
public final class LogLevels {
    // java.util.logging keeps loggers weakly: hold them so the levels stick
    private static final List<Logger> HELD = new CopyOnWriteArrayList<>();

    private LogLevels() {
    }

    public static void set(String category, Level level) {
        Logger plain = Logger.getLogger(category);
        plain.setLevel(level);
        HELD.add(plain);
        try {
            Object context = Class.forName("org.jboss.logmanager.LogContext").getMethod("getLogContext").invoke(null);
            Logger jboss = (Logger) context.getClass().getMethod("getLogger", String.class).invoke(context, category);
            jboss.setLevel(level);
            HELD.add(jboss);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException absent) {
            // no JBoss LogManager here: the java.util.logging level above is the one that counts
        }
    }
}
