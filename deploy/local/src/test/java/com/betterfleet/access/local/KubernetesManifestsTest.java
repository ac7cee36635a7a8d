package com.betterfleet.access.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;

/**
 * Renders deploy/k8s/overlays/* with {@code kubectl kustomize} and reads every document into the
 * Kubernetes API models, whose JSON reader rejects unknown fields, wrong types and missing
 * required fields (no API server can be had here). Then checks what ties the pieces together.
 */
class KubernetesManifestsTest {
    private static final Map<String, Type> KINDS = Map.of(
            "Deployment", V1Deployment.class,
            "StatefulSet", V1StatefulSet.class,
            "Service", V1Service.class,
            "ConfigMap", V1ConfigMap.class,
            "Secret", V1Secret.class,
            "PodDisruptionBudget", V1PodDisruptionBudget.class);
    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private static final List<String> CONFIG_KEYS = List.of(ServiceEnvironment.HTTP_HOST, ServiceEnvironment.HTTP_PORT,
            ServiceEnvironment.MANAGEMENT_HOST, ServiceEnvironment.MANAGEMENT_PORT, ServiceEnvironment.REACTIVE_URL,
            ServiceEnvironment.JDBC_URL, ServiceEnvironment.AMQP_HOST, ServiceEnvironment.AMQP_PORT,
            ServiceEnvironment.OIDC_AUTH_SERVER_URL);
    private static final List<String> SECRET_KEYS = List.of(ServiceEnvironment.DB_USERNAME, ServiceEnvironment.DB_PASSWORD);

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();
    private static boolean kubectl;

    @BeforeAll
    static void findKubectl() {
        kubectl = Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "kubectl")));
        if (!kubectl) {
            System.out.println("KubernetesManifestsTest: kubectl is not on PATH, manifests not rendered (skipped)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "throwaway"})
    void everyRenderedDocumentIsAValidKubernetesObject(String overlay) throws Exception {
        Rendered rendered = render(overlay);

        assertEquals(Set.copyOf(LocalSystem.MODULES.stream().map(LocalSystem.Module::name).toList()),
                rendered.deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        assertEquals(1, rendered.statefulSets.size(), "the broker");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "throwaway"})
    void eachServiceGetsTheWholeContractFromItsConfigMapAndSecret(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        for (LocalSystem.Module module : LocalSystem.MODULES) {
            V1Container container = container(rendered, module.name());
            List<String> refs = container.getEnvFrom().stream().map(KubernetesManifestsTest::refName).toList();
            assertEquals(List.of(module.name() + "-config", module.name() + "-config-creds"), refs);

            V1ConfigMap config = rendered.configMap(module.name() + "-config");
            assertEquals(Set.copyOf(CONFIG_KEYS), config.getData().keySet(), module.name());
            assertTrue(config.getData().get(ServiceEnvironment.REACTIVE_URL).endsWith("/" + module.database()));
            assertTrue(config.getData().get(ServiceEnvironment.JDBC_URL).endsWith("/" + module.database()));
            String managementPort = config.getData().get(ServiceEnvironment.MANAGEMENT_PORT);
            assertTrue(container.getPorts().stream().anyMatch(p -> "management".equals(p.getName())
                    && Integer.toString(p.getContainerPort()).equals(managementPort)));
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
            assertEquals("management", container.getReadinessProbe().getHttpGet().getPort().getStrValue());
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
            assertEquals("management", container.getLivenessProbe().getHttpGet().getPort().getStrValue());
        }
    }

    @Test
    void throwawaySecretsHoldPlaceholdersOnlyAndPepperOnlyWhereIdentifiersAreHashed() throws Exception {
        Rendered rendered = render("throwaway");
        for (LocalSystem.Module module : LocalSystem.MODULES) {
            Map<String, String> data = rendered.secret(module.name() + "-config-creds").getStringData();
            assertTrue(data.keySet().containsAll(SECRET_KEYS), module.name());
            assertEquals(module.hashesIdentifiers(), data.containsKey(ServiceEnvironment.ID_PEPPER), module.name());
        }
        for (V1Secret secret : rendered.secrets) {
            secret.getStringData().forEach((key, value) -> {
                if (key.contains("PASSWORD") || key.contains("PEPPER")) {
                    assertEquals("CHANGE_ME", value, secret.getMetadata().getName() + " " + key + " must be a placeholder");
                }
            });
            assertTrue(secret.getData() == null || secret.getData().isEmpty(),
                    "placeholders are readable stringData, never encoded values");
        }
    }

    /**
     * The official broker image creates one login (ARTEMIS_USER); every service logs in as its own
     * AMQP_USERNAME, so each must be a user of the broker's users file and hold the role that
     * broker.xml grants ("amq"), or the manifests deploy services that cannot reach the broker.
     */
    @Test
    void everyServiceBrokerLoginIsABrokerUserInTheGrantedRole() throws Exception {
        Rendered rendered = render("throwaway");
        Map<String, String> files = rendered.secret("artemis-users").getStringData();
        java.util.Properties users = properties(files.get("artemis-users.properties"));
        java.util.Properties roles = properties(files.get("artemis-roles.properties"));
        Set<String> amq = Stream.of(roles.getProperty("amq", "").split(",")).map(String::trim).collect(Collectors.toSet());
        String admin = rendered.secret("artemis-creds").getStringData().get("ARTEMIS_USER");
        assertTrue(users.containsKey(admin) && amq.contains(admin), "the image's own user stays: " + admin);
        for (LocalSystem.Module module : LocalSystem.MODULES) {
            String login = rendered.secret(module.name() + "-config-creds").getStringData().get("AMQP_USERNAME");
            assertTrue(users.containsKey(login), module.name() + " logs in as " + login + ", not a broker user");
            assertTrue(amq.contains(login), login + " lacks the role broker.xml grants");
        }
        users.forEach((user, password) -> assertEquals("CHANGE_ME", password, "broker user " + user + " must be a placeholder"));
        String brokerXml = Files.readString(RepositoryFiles.k8s().resolve("broker/broker.xml"));
        assertTrue(brokerXml.contains("roles=\"amq\""), "broker.xml grants role amq");
    }

    private static java.util.Properties properties(String text) throws IOException {
        java.util.Properties properties = new java.util.Properties();
        properties.load(new java.io.StringReader(text == null ? "" : text));
        return properties;
    }

    /** Shared clusters keep real Secrets provisioned out of band: applying an overlay must never replace them. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void sharedClustersRenderNoSecretSoApplyingCannotOverwriteTheRealOnes(String overlay) throws Exception {
        assertEquals(List.of(), render(overlay).secrets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void authorisationRunsTwoReplicasAndEveryServiceSelectsItsPods(String overlay) throws Exception {
        Rendered rendered = render(overlay);
        assertEquals(2, rendered.deployment("authorisation-service").getSpec().getReplicas());
        for (V1Service service : rendered.services) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null) {
                continue; // ExternalName
            }
            Stream<Map<String, String>> podLabels = Stream.concat(
                    rendered.deployments.stream().map(d -> d.getSpec().getTemplate().getMetadata().getLabels()),
                    rendered.statefulSets.stream().map(s -> s.getSpec().getTemplate().getMetadata().getLabels()));
            assertTrue(podLabels.anyMatch(labels -> labels.entrySet().containsAll(selector.entrySet())),
                    service.getMetadata().getName() + " selects no pods");
        }
    }

    /** The base names the images deploy/images/build.sh tags, and the image runs as the pod expects. */
    @Test
    void deploymentsRunTheImagesThatDeployImagesBuilds() throws Exception {
        Rendered base = render("../base");
        Path root = RepositoryFiles.k8s().getParent().getParent();
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("<artifactId>charger-access-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertTrue(version.find(), "project version in pom.xml");
        String dockerfile = Files.readString(root.resolve("deploy/images/Dockerfile.jvm"));
        java.util.regex.Matcher user = java.util.regex.Pattern.compile("(?m)^USER (\\d+)$").matcher(dockerfile);
        assertTrue(user.find(), "a numeric USER: runAsNonRoot cannot verify a user name");
        assertTrue(Integer.parseInt(user.group(1)) > 0, "not root");
        Set<String> exposed = Set.of(dockerfile.lines().filter(l -> l.startsWith("EXPOSE ")).findFirst()
                .orElseThrow().substring("EXPOSE ".length()).split(" "));
        for (String service : List.of("access-policy-service", "mode-apply-service", "authorisation-service", "decision-log-service")) {
            V1Deployment deployment = base.deployment(service);
            assertEquals(Boolean.TRUE, deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
            V1Container container = container(base, service);
            assertEquals("charger-access/" + service + ":" + version.group(1), container.getImage());
            for (var port : container.getPorts()) {
                assertTrue(exposed.contains(String.valueOf(port.getContainerPort())), service + " port " + port.getContainerPort());
            }
        }
    }

    @Test
    void theModelReaderRejectsAnUnknownField() {
        String misspelt = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"x\"},"
                + "\"spec\":{\"replica\":2,\"selector\":{},\"template\":{}}}";
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> JSON.deserialize(misspelt, V1Deployment.class), "without this the tests above would prove nothing");
        assertTrue(String.valueOf(failure.getMessage()).contains("replica"), failure.getMessage());
    }

    /** One overlay, rendered once for all tests (each kubectl run costs about a second). */
    private static Rendered render(String overlay) throws IOException, InterruptedException {
        assumeTrue(kubectl, "kubectl is not on PATH");
        Rendered cached = RENDERED.get(overlay);
        if (cached == null) {
            cached = renderNow(overlay);
            RENDERED.put(overlay, cached);
        }
        return cached;
    }

    private static Rendered renderNow(String overlay) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", RepositoryFiles.k8s().resolve("overlays/" + overlay).toString())
                .redirectErrorStream(true).start();
        String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), yaml);
        Rendered rendered = new Rendered();
        for (JsonNode document : new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            String kind = document.path("kind").asText();
            Type type = KINDS.get(kind);
            assertTrue(type != null, "no model registered for kind " + kind);
            Object object = JSON.deserialize(JSON_MAPPER.writeValueAsString(document), type);
            rendered.add(object);
        }
        return rendered;
    }

    private static V1Container container(Rendered rendered, String name) {
        return rendered.deployment(name).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static String refName(V1EnvFromSource source) {
        return source.getConfigMapRef() != null ? source.getConfigMapRef().getName() : source.getSecretRef().getName();
    }

    private static final class Rendered {
        final List<V1Deployment> deployments = new ArrayList<>();
        final List<V1StatefulSet> statefulSets = new ArrayList<>();
        final List<V1Service> services = new ArrayList<>();
        final List<V1ConfigMap> configMaps = new ArrayList<>();
        final List<V1Secret> secrets = new ArrayList<>();

        void add(Object object) {
            if (object instanceof V1Deployment d) {
                deployments.add(d);
            } else if (object instanceof V1StatefulSet s) {
                statefulSets.add(s);
            } else if (object instanceof V1Service s) {
                services.add(s);
            } else if (object instanceof V1ConfigMap c) {
                configMaps.add(c);
            } else if (object instanceof V1Secret s) {
                secrets.add(s);
            }
        }

        V1Deployment deployment(String name) {
            return deployments.stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment " + name));
        }

        V1ConfigMap configMap(String name) {
            return configMaps.stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
        }

        V1Secret secret(String name) {
            return secrets.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Secret " + name));
        }
    }
}
