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

    /** Service JVMs whose JIT compiler threads are counted apart, in {@link #SERVICE_COMPILERS}. */
    private final Map<String, CompilerThreads> jvms = new LinkedHashMap<>();

    /** The group that holds the JIT compiler threads of every JVM added with {@link #jvm}. */
    static final String SERVICE_COMPILERS = "JIT-services compilers";

    /**
     * Adds a service JVM: its group is the process without its JIT compiler threads, which go to
     * {@link #SERVICE_COMPILERS}. On 2 shared cores C2 kept compiling for 30 s and more after a load
     * began, and a figure that mixes that in measures the compiler, not the service.
     */
    ProcessCpu jvm(String name, OptionalLong pid) {
        groups.put(name, () -> of(pid));
        jvms.put(name, new CompilerThreads(pid));
        return this;
    }

    private final Map<String, java.util.function.Predicate<String>> ownThreads = new LinkedHashMap<>();

    /**
     * Adds a group of this JVM's own threads whose (kernel, 15-character) name matches: the benchmark
     * JVM holds both the broker and the load generator, and their costs must not be confused.
     */
    ProcessCpu ownThreads(String name, java.util.function.Predicate<String> threadName) {
        ownThreads.put(name, threadName);
        return this;
    }

    /** One of this JVM's threads: its group ("" for none) and its CPU ticks at the last sample. */
    private record OwnThread(String group, long ticks) {
    }

    /**
     * This JVM's threads by id. A thread's group is decided from its name once (reading every name
     * at each 100 ms sample cost the load generator's JVM 6% of a core). HotSpot starts and stops JIT
     * compiler threads as load changes: a thread that is gone leaves its last reading in
     * {@link #departedTicks}, so its group's total does not drop when it ends.
     */
    private final Map<String, OwnThread> threads = new java.util.HashMap<>();
    private final Map<String, Long> departedTicks = new java.util.HashMap<>();

    /**
     * CPU seconds used so far, per group. Processes that ended since the last sample are not
     * counted; this JVM's threads that ended are, up to their last sample.
     */
    synchronized Map<String, Double> sample() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long compilerTicks = 0;
        for (Map.Entry<String, Supplier<List<Long>>> group : groups.entrySet()) {
            CompilerThreads compilers = jvms.get(group.getKey());
            // the threads before the process: a process total read first could be older than them
            long compiling = compilers == null ? 0 : compilers.ticks();
            long ticks = group.getValue().get().stream().mapToLong(ProcessCpu::ticks).sum();
            if (compilers != null) {
                // a process that ended reads 0: keep the group at zero rather than below it
                ticks = Math.max(0, ticks - compiling);
                compilerTicks += compiling;
            }
            seconds.put(group.getKey(), ticks / TICKS_PER_SECOND);
        }
        if (!jvms.isEmpty()) {
            seconds.put(SERVICE_COMPILERS, compilerTicks / TICKS_PER_SECOND);
        }
        if (!ownThreads.isEmpty()) {
            Map<String, Long> ticks = new LinkedHashMap<>();
            ownThreads.keySet().forEach(name -> ticks.put(name, 0L));
            java.util.Set<String> seen = new java.util.HashSet<>();
            try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                tasks.forEach(task -> {
                    String tid = task.getFileName().toString();
                    long now = ticks(task.resolve("stat"), -1);
                    if (now < 0) {
                        return; // ended between the listing and the read: departs below
                    }
                    OwnThread known = threads.get(tid);
                    if (known != null && now < known.ticks()) {
                        depart(tid); // the id now names a new thread
                        known = null;
                    }
                    String group = known != null ? known.group() : groupOf(read(task.resolve("comm")).strip());
                    threads.put(tid, new OwnThread(group, now));
                    seen.add(tid);
                    if (!group.isEmpty()) {
                        ticks.merge(group, now, Long::sum);
                    }
                });
            } catch (IOException e) {
                // no /proc: the groups stay at zero
            }
            new ArrayList<>(threads.keySet()).stream().filter(tid -> !seen.contains(tid)).forEach(this::depart);
            departedTicks.forEach((group, t) -> ticks.merge(group, t, Long::sum));
            ticks.forEach((name, t) -> seconds.put(name, t / TICKS_PER_SECOND));
        }
        return seconds;
    }

    /** Whether a (kernel, 15-character) thread name is one of HotSpot's JIT compiler threads. */
    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 Compi") || threadName.startsWith("C2 Compi");
    }

    /** CPU cores the JIT compilers of every JVM used between two samples {@code seconds} apart. */
    static double compilerCores(Map<String, Double> before, Map<String, Double> after, double seconds) {
        double used = 0;
        for (Map.Entry<String, Double> group : after.entrySet()) {
            if (group.getKey().startsWith("JIT")) {
                used += group.getValue() - before.getOrDefault(group.getKey(), 0.0);
            }
        }
        return used / seconds;
    }

    /**
     * The JIT compiler threads of another JVM, found by name once per thread id: a sample reads the
     * task list and the stat files of the compiler threads only. HotSpot starts and stops compiler
     * threads with the load; one that ended keeps its last reading (its CPU stays in the process's).
     * A compiler thread that starts and ends between two samples is not seen: its CPU counts as the
     * service's. On 2 cores HotSpot keeps its one C1 and one C2 thread; larger hosts may differ.
     */
    private static final class CompilerThreads {
        private final OptionalLong pid;
        private final Map<String, Long> compilers = new java.util.HashMap<>();
        private final java.util.Set<String> others = new java.util.HashSet<>();
        private long departed;

        CompilerThreads(OptionalLong pid) {
            this.pid = pid;
        }

        long ticks() {
            if (pid.isEmpty()) {
                return 0;
            }
            Path tasks = Path.of("/proc", Long.toString(pid.getAsLong()), "task");
            java.util.Set<String> alive = new java.util.HashSet<>();
            try (java.util.stream.Stream<Path> list = Files.list(tasks)) {
                list.forEach(task -> {
                    String tid = task.getFileName().toString();
                    alive.add(tid);
                    if (!others.contains(tid) && !compilers.containsKey(tid)) {
                        if (isCompiler(read(task.resolve("comm")))) {
                            compilers.put(tid, 0L);
                        } else {
                            others.add(tid);
                        }
                    }
                });
            } catch (IOException | RuntimeException e) {
                // the process ended: its last readings stand
            }
            long sum = 0;
            for (Map.Entry<String, Long> thread : new ArrayList<>(compilers.entrySet())) {
                long now = alive.contains(thread.getKey()) ? ProcessCpu.ticks(tasks.resolve(thread.getKey()).resolve("stat"), -1) : -1;
                if (!alive.contains(thread.getKey()) || (now >= 0 && now < thread.getValue())) {
                    // gone, or its id now names a new thread: its last reading stays counted
                    departed += thread.getValue();
                    compilers.remove(thread.getKey());
                } else if (now < 0) {
                    sum += thread.getValue(); // unreadable this once: its last reading
                } else {
                    compilers.put(thread.getKey(), now);
                    sum += now;
                }
            }
            others.retainAll(alive);
            return sum + departed;
        }
    }

    private String groupOf(String threadName) {
        return ownThreads.entrySet().stream().filter(g -> g.getValue().test(threadName)).findFirst()
                .map(Map.Entry::getKey).orElse("");
    }

    private void depart(String tid) {
        OwnThread gone = threads.remove(tid);
        if (gone != null && !gone.group().isEmpty()) {
            departedTicks.merge(gone.group(), gone.ticks(), Long::sum);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Samples every group every 100 ms on a daemon thread until {@code seconds} have passed, so that
     * a latency stall can be matched with the process that used the CPU at that moment. Returns the
     * samples, the first at t+0; at most {@code seconds * 10 + 1} of them.
     */
    java.util.concurrent.CompletableFuture<List<Map<String, Double>>> timeline(int seconds) {
        java.util.concurrent.CompletableFuture<List<Map<String, Double>>> result = new java.util.concurrent.CompletableFuture<>();
        Thread sampler = new Thread(() -> {
            List<Map<String, Double>> samples = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i <= seconds * 10; i++) {
                samples.add(sample());
                long next = start + (i + 1) * 100_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        break;
                    }
                }
            }
            result.complete(samples);
        }, "cpu-timeline");
        sampler.setDaemon(true);
        sampler.start();
        return result;
    }

    /** CPU use (in cores) per group in the 100 ms slice that starts at sample {@code slice}. */
    static String slice(List<Map<String, Double>> samples, int slice) {
        if (slice + 1 >= samples.size()) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        samples.get(slice + 1).forEach((group, seconds) -> line.append(String.format(java.util.Locale.ROOT, " %s %.1f",
                group.split("[ +]")[0], (seconds - samples.get(slice).getOrDefault(group, 0.0)) * 10)));
        return line.toString();
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

    /**
     * The PostgreSQL server listening on {@code port} and its backends. The server is found once;
     * every call of the supplier only lists its children (scanning every process's command line at
     * each 100 ms sample cost the load generator's JVM most of a core).
     */
    static Supplier<List<Long>> postgresOf(int port) {
        java.util.Optional<ProcessHandle> postmaster = postmaster(port);
        return () -> {
            List<Long> pids = new ArrayList<>();
            postmaster.ifPresent(p -> {
                pids.add(p.pid());
                p.children().forEach(child -> pids.add(child.pid()));
            });
            return pids;
        };
    }

    private static java.util.Optional<ProcessHandle> postmaster(int port) {
        java.util.regex.Pattern command = java.util.regex.Pattern.compile("(?s).*postgres.*-p\\s" + port + "\\b.*");
        return ProcessHandle.allProcesses().filter(p -> command.matcher(commandLine(p.pid())).matches())
                .filter(p -> p.parent().map(parent -> !command.matcher(commandLine(parent.pid())).matches()).orElse(true))
                .findFirst();
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
        return ticks(Path.of("/proc", Long.toString(pid), "stat"), 0);
    }

    /** utime + stime of a process or thread, or {@code unreadable} if its stat file cannot be read. */
    private static long ticks(Path statFile, long unreadable) {
        try {
            String stat = Files.readString(statFile, StandardCharsets.US_ASCII);
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return unreadable;
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
