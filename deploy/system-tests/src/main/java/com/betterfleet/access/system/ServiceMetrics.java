package com.betterfleet.access.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import com.betterfleet.access.local.ServiceProcess;

/** One reading of a service's Prometheus metrics (management port, /q/metrics), for the benchmarks. */
final class ServiceMetrics {
    private final List<String> samples;

    private ServiceMetrics(String exposition) {
        samples = exposition.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static ServiceMetrics of(ServiceProcess service) throws Exception {
        return new ServiceMetrics(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(service.managementUrl() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The samples whose line starts with one of these names (series names, optionally with labels). */
    List<String> startingWith(String... names) {
        return samples.stream().filter(line -> Arrays.stream(names).anyMatch(line::startsWith)).toList();
    }

    /** The value of the first sample of {@code name} that carries {@code label}, e.g. {@code id="Tenured Gen"}. */
    double value(String name, String label) {
        return samples.stream().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " with " + label + " in /q/metrics"));
    }
}
