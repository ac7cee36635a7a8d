package com.betterfleet.access.local.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics deploy/k8s/monitoring/alerts.yaml names, so that each service's tests can check it
 * exports them: an alert on a metric that does not exist never fires.
 */
public final class AlertRules {
    private static final Path RULES = Path.of("deploy", "k8s", "monitoring", "alerts.yaml");
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9_]*)\\b");

    private AlertRules() {
    }

    /** Every metric name in the rules' expressions that starts with {@code prefix}. */
    public static Set<String> metricsStartingWith(String prefix) {
        Set<String> names = new TreeSet<>();
        boolean inExpression = false;
        for (String line : text().lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("expr:")) {
                inExpression = true;
            } else if (trimmed.startsWith("- ") || trimmed.endsWith(":") || trimmed.matches("[a-z_]+: .*")) {
                inExpression = false;
            }
            if (inExpression && !trimmed.startsWith("#")) {
                Matcher m = METRIC.matcher(trimmed.replaceAll("\"[^\"]*\"", ""));
                while (m.find()) {
                    if (m.group(1).startsWith(prefix)) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no metric starting with " + prefix + " in " + RULES);
        }
        return names;
    }

    /**
     * The metrics the rules name with one of these prefixes that the Prometheus text exposition of a
     * service (its /q/metrics) lacks; empty when every one is there.
     */
    public static Set<String> notExported(String exposition, String... prefixes) {
        Set<String> missing = new TreeSet<>();
        for (String prefix : prefixes) {
            missing.addAll(metricsStartingWith(prefix));
        }
        missing.removeAll(exported(exposition));
        return missing;
    }

    /** The metric families of a Prometheus text exposition that have at least one sample. */
    static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.lines().toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
                names.add(line.substring(0, end));
            }
        }
        return names;
    }

    private static String text() {
        // the tests run in their module's directory; the rules are at the repository's top
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RULES))) {
                try {
                    return Files.readString(dir.resolve(RULES));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(RULES + " not found above " + Path.of("").toAbsolutePath());
    }
}
