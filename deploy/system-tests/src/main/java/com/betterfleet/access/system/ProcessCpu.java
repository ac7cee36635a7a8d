package com.betterfleet.access.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * CPU time of the benchmark's processes, from /proc (Linux), so that a run can say where a request's
 * CPU goes: the service itself or the pipeline behind it (broker, PostgreSQL, decision-log-service)
 * that shares the same cores. Also pins processes to CPUs with taskset.
 */
final class ProcessCpu {
    /** USER_HZ: the unit of utime/stime in /proc/[pid]/stat; 100 on every Linux we run. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();

    /** Adds a named group of processes; the supplier is asked again at every sample (backends come and go). */
    ProcessCpu group(String name, Supplier<List<Long>> pids) {
        groups.put(name, pids);
        return this;
    }

    /** CPU seconds used so far, per group. Processes that ended since the last sample are not counted. */
    Map<String, Double> sample() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach((name, pids) -> seconds.put(name, pids.get().stream().mapToLong(ProcessCpu::ticks).sum() / TICKS_PER_SECOND));
        return seconds;
    }

    /** CPU milliseconds per request between two samples, per group, as one printable line. */
    static String perRequest(Map<String, Double> before, Map<String, Double> after, long requests) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> group : after.entrySet()) {
            double ms = 1000.0 * (group.getValue() - before.getOrDefault(group.getKey(), 0.0)) / Math.max(1, requests);
            total += ms;
            line.append(String.format(java.util.Locale.ROOT, "%s %.3f, ", group.getKey(), ms));
        }
        return line.append(String.format(java.util.Locale.ROOT, "total %.3f", total)).toString();
    }

    static List<Long> of(OptionalLong pid) {
        return pid.isPresent() ? List.of(pid.getAsLong()) : List.of();
    }

    /** The PostgreSQL server listening on {@code port} and all its backends. */
    static List<Long> postgres(int port) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses().filter(p -> commandLine(p.pid()).matches("(?s).*postgres.*-p\\s" + port + "\\b.*"))
                .forEach(postmaster -> {
                    pids.add(postmaster.pid());
                    postmaster.descendants().forEach(child -> pids.add(child.pid()));
                });
        return pids;
    }

    /** Pins every thread of each process to the given CPU list (e.g. "0"); false if taskset failed. */
    static boolean pin(List<Long> pids, String cpus) throws InterruptedException {
        boolean ok = true;
        for (long pid : pids) {
            try {
                Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                ok &= taskset.waitFor(10, TimeUnit.SECONDS) && taskset.exitValue() == 0;
            } catch (IOException e) {
                ok = false;
            }
        }
        return ok;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
