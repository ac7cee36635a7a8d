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

    /** The JIT compiler threads of each service JVM added with {@link #jvm}, by the JVM's group. */
    private final Map<String, ThreadTicks> serviceCompilers = new LinkedHashMap<>();

    /** The group that holds the JIT compiler threads of every JVM added with {@link #jvm}. */
    static final String SERVICE_COMPILERS = "JIT-services compilers";
    /** The groups that are JIT compiler threads, which {@link #compilerCores} adds up. */
    private final java.util.Set<String> compilerGroups = new java.util.HashSet<>(java.util.Set.of(SERVICE_COMPILERS));

    /**
     * Adds a service JVM: its group is the process without its JIT compiler threads, which go to
     * {@link #SERVICE_COMPILERS}. On 2 shared cores C2 kept compiling for 30 s and more after a load
     * began, and a figure that mixes that in measures the compiler, not the service.
     */
    ProcessCpu jvm(String name, OptionalLong pid) {
        groups.put(name, () -> of(pid));
        serviceCompilers.put(name, new ThreadTicks(pid.isPresent() ? Path.of("/proc", Long.toString(pid.getAsLong()), "task") : null,
                thread -> isCompiler(thread) ? SERVICE_COMPILERS : ""));
        return this;
    }

    private final Map<String, java.util.function.Predicate<String>> ownThreads = new LinkedHashMap<>();
    /** This JVM's threads by the groups of {@link #ownThreads}; made at the first sample. */
    private ThreadTicks own;

    /**
     * Adds a group of this JVM's own threads whose (kernel, 15-character) name matches: the benchmark
     * JVM holds both the broker and the load generator, and their costs must not be confused. The
     * first group that matches a thread takes it.
     */
    ProcessCpu ownThreads(String name, java.util.function.Predicate<String> threadName) {
        ownThreads.put(name, threadName);
        return this;
    }

    /** Adds the group of this JVM's JIT compiler threads. */
    ProcessCpu ownCompilerThreads(String name) {
        compilerGroups.add(name);
        return ownThreads(name, ProcessCpu::isCompiler);
    }

    /**
     * CPU seconds used so far, per group. Processes that ended since the last sample are not
     * counted; threads that ended are, up to their last sample.
     */
    synchronized Map<String, Double> sample() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long compilerTicks = 0;
        for (Map.Entry<String, Supplier<List<Long>>> group : groups.entrySet()) {
            ThreadTicks compilers = serviceCompilers.get(group.getKey());
            // the threads before the process: a process total read first could be older than them
            long compiling = compilers == null ? 0 : compilers.ticksByGroup().getOrDefault(SERVICE_COMPILERS, 0L);
            long ticks = group.getValue().get().stream().mapToLong(ProcessCpu::ticks).sum();
            // a process that ended reads 0: keep the group at zero rather than below it
            seconds.put(group.getKey(), Math.max(0, ticks - compiling) / TICKS_PER_SECOND);
            compilerTicks += compiling;
        }
        if (!serviceCompilers.isEmpty()) {
            seconds.put(SERVICE_COMPILERS, compilerTicks / TICKS_PER_SECOND);
        }
        if (!ownThreads.isEmpty()) {
            if (own == null) {
                own = new ThreadTicks(Path.of("/proc/self/task"), this::groupOf);
            }
            Map<String, Long> ticks = own.ticksByGroup();
            ownThreads.keySet().forEach(name -> seconds.put(name, ticks.getOrDefault(name, 0L) / TICKS_PER_SECOND));
        }
        return seconds;
    }

    /** Whether a (kernel, 15-character) thread name is one of HotSpot's JIT compiler threads. */
    static boolean isCompiler(String threadName) {
        return threadName.startsWith("C1 Compi") || threadName.startsWith("C2 Compi");
    }

    /** CPU cores the JIT compilers of every JVM used between two samples {@code seconds} apart. */
    double compilerCores(Map<String, Double> before, Map<String, Double> after, double seconds) {
        double used = 0;
        for (String group : compilerGroups) {
            used += after.getOrDefault(group, 0.0) - before.getOrDefault(group, 0.0);
        }
        return used / seconds;
    }

    /**
     * The threads of one process (its /proc task directory), grouped by their (kernel, 15-character)
     * names. A thread's group is decided from its name once per thread id (reading every name at each
     * 100 ms sample cost the load generator's JVM 6% of a core), and only the stat files of threads
     * in a group are read. HotSpot starts and stops threads, its JIT compilers among them, as load
     * changes: a thread that ended keeps its last reading in its group, so no total drops. A thread
     * that starts and ends between two samples is not seen (its CPU stays in its process's total).
     */
    private static final class ThreadTicks {
        /** A thread's group ("" for none) and its CPU ticks at the last sample. */
        private record Known(String group, long ticks) {
        }

        private final Path tasks;
        private final java.util.function.Function<String, String> groupOfName;
        private final Map<String, Known> threads = new java.util.HashMap<>();
        private final Map<String, Long> departed = new java.util.HashMap<>();

        /** {@code tasks} null: no process, no threads. */
        ThreadTicks(Path tasks, java.util.function.Function<String, String> groupOfName) {
            this.tasks = tasks;
            this.groupOfName = groupOfName;
        }

        Map<String, Long> ticksByGroup() {
            java.util.Set<String> alive = new java.util.HashSet<>();
            if (tasks != null) {
                try (java.util.stream.Stream<Path> list = Files.list(tasks)) {
                    list.forEach(task -> {
                        String tid = task.getFileName().toString();
                        alive.add(tid);
                        update(tid, task);
                    });
                } catch (IOException | RuntimeException e) {
                    // the process ended: its threads depart below with their last readings
                }
            }
            new ArrayList<>(threads.keySet()).stream().filter(tid -> !alive.contains(tid)).forEach(this::depart);
            Map<String, Long> ticks = new java.util.HashMap<>(departed);
            threads.values().forEach(thread -> {
                if (!thread.group().isEmpty()) {
                    ticks.merge(thread.group(), thread.ticks(), Long::sum);
                }
            });
            return ticks;
        }

        private void update(String tid, Path task) {
            Known known = threads.get(tid);
            if (known != null && known.group().isEmpty()) {
                return;
            }
            String group = known != null ? known.group() : groupOfName.apply(read(task.resolve("comm")).strip());
            long now = group.isEmpty() ? 0 : ticks(task.resolve("stat"), -1);
            if (now < 0) {
                return; // unreadable this once: its last reading stands
            }
            if (known != null && now < known.ticks()) {
                depart(tid); // the id now names a new thread
                update(tid, task);
                return;
            }
            threads.put(tid, new Known(group, now));
        }

        private void depart(String tid) {
            Known gone = threads.remove(tid);
            if (gone != null && !gone.group().isEmpty()) {
                departed.merge(gone.group(), gone.ticks(), Long::sum);
            }
        }
    }

    private String groupOf(String threadName) {
        return ownThreads.entrySet().stream().filter(g -> g.getValue().test(threadName)).findFirst()
                .map(Map.Entry::getKey).orElse("");
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
