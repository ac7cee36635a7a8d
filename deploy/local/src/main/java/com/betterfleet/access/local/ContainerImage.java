package com.betterfleet.access.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A service's container image and the podman that runs it, for {@link ServiceProcess#forImage}.
 * The container shares the host's network, so the loopback ports of the embedded infrastructure
 * and of {@link ServiceEnvironment} work unchanged. It runs as deploy/k8s runs it: read-only root
 * filesystem with /tmp the only writable path (podman's own tmpfs on /run and /var/tmp switched
 * off), no capabilities, no privilege escalation.
 */
public final class ContainerImage {
    /** The tag deploy/images/build.sh gives every image besides the project version. */
    private static final String LOCAL_TAG = "local";
    /** Engine settings its client must see (.ci/run sets CONTAINERS_CONF). */
    private static final List<String> ENGINE_VARIABLES = List.of("CONTAINERS_CONF", "XDG_RUNTIME_DIR");

    private final String engine;
    private final String reference;
    /** Unique per run, so a container left behind by a killed run never blocks the next one. */
    private final String containerName;

    /**
     * @param engine the engine's command: {@code podman}, or a path to it
     * @param reference the image, e.g. {@code localhost/charger-access/authorisation-service:local}
     */
    public ContainerImage(String engine, String reference) {
        this.engine = Objects.requireNonNull(engine);
        this.reference = Objects.requireNonNull(reference);
        String base = reference.replaceAll(".*/", "").replaceAll("[^A-Za-z0-9_.-]", "-");
        this.containerName = base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code localhost/charger-access/<service>:local} (what deploy/images/build.sh tags), run by {@code engine}. */
    public static ContainerImage local(String engine, String service) {
        return new ContainerImage(engine, "localhost/charger-access/" + service + ":" + LOCAL_TAG);
    }

    /** {@code <engine> run ...} passing each of {@code variables} by name from the engine's environment. */
    List<String> runCommand(Set<String> variables) {
        List<String> command = new ArrayList<>(List.of(engine, "run", "--rm", "--name", containerName,
                "--network=host", "--read-only", "--read-only-tmpfs=false", "--tmpfs", "/tmp:rw,size=64m",
                "--cap-drop=ALL", "--security-opt=no-new-privileges"));
        for (String variable : new TreeSet<>(variables)) {
            command.add("-e");
            command.add(variable);
        }
        command.add(reference);
        return command;
    }

    /** What the engine's client process gets: the container's variables plus the engine's own settings. */
    Map<String, String> engineEnvironment(Map<String, String> containerEnvironment) {
        Map<String, String> environment = new HashMap<>(containerEnvironment);
        for (String variable : ENGINE_VARIABLES) {
            String value = System.getenv(variable);
            if (value != null && !environment.containsKey(variable)) {
                environment.put(variable, value);
            }
        }
        return environment;
    }

    /**
     * Kills and removes the container (bounded: 20 s). Needed whenever its client is stopped by
     * force: the client only proxies signals, and the container would go on running without it.
     * A container already gone is fine.
     */
    void remove() {
        try {
            Process p = new ProcessBuilder(engine, "rm", "--force", "--time=0", containerName)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // No engine to ask: nothing it could have left running.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return reference;
    }
}
