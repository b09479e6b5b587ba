package io.groundgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Renders each overlay with {@code kubectl kustomize} and checks that the objects fit together and fit the application:
 * probe paths answer on the running app, mounts match the paths the gateway watches, and the HPA, PDB, Service and
 * NetworkPolicies select what they should. Skipped, with a message, when kubectl is not installed.
 */
@QuarkusTest
class ManifestsTest {

    private static final Path K8S = Path.of("k8s").toAbsolutePath();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Rendered> RENDERED = new HashMap<>();

    /** The objects of one rendered overlay, by kind. */
    record Rendered(List<JsonNode> objects) {

        <T> List<T> all(String kind, Class<T> type) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText()))
                    .map(o -> YAML.convertValue(o, type)).toList();
        }

        <T> T one(String kind, String name, Class<T> type) {
            return objects.stream()
                    .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                    .map(o -> YAML.convertValue(o, type)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
        }

        Deployment gateway() {
            return one("Deployment", "groundgate", Deployment.class);
        }
    }

    private static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static synchronized Rendered render(String overlay) {
        Assumptions.assumeTrue(kubectlAvailable(), "kubectl is not on the PATH: the k8s manifests were not rendered or checked");
        return RENDERED.computeIfAbsent(overlay, o -> {
            try {
                Process p = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(o).toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                byte[] out = p.getInputStream().readAllBytes();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as("kubectl kustomize k8s/overlays/" + o).isZero();
                List<JsonNode> objects = new ArrayList<>();
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(out)) {
                    docs.forEachRemaining(d -> {
                        if (d != null && !d.isNull() && !d.isMissingNode()) {
                            objects.add(d);
                        }
                    });
                }
                return new Rendered(objects);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Container container(PodSpec pod, String name) {
        return pod.getContainers().stream().filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static Optional<String> env(Container c, String name) {
        return c.getEnv().stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst();
    }

    private static VolumeMount mountAt(Container c, String path) {
        return c.getVolumeMounts().stream().filter(m -> path.equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> name.equals(v.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static int containerPort(Container c, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal())).getContainerPort();
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod", "fuseki", "redis", "large-ontologies" })
    void productionOverlaysRunTheGatewayImageByDigest(String overlay) {
        // scripts/image/build.sh writes the digest of the image it built into k8s/overlays/prod (kustomize images:)
        Container gateway = container(render(overlay).gateway().getSpec().getTemplate().getSpec(), "groundgate");
        assertThat(gateway.getImage()).matches("ghcr\\.io/groundgate/groundgate@sha256:[0-9a-f]{64}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod", "fuseki", "redis" })
    void probesUseHealthPathsThatAnswerOnTheRunningApp(String overlay) {
        Container gateway = container(render(overlay).gateway().getSpec().getTemplate().getSpec(), "groundgate");
        Map<String, Probe> probes = Map.of("/q/health/started", gateway.getStartupProbe(),
                "/q/health/live", gateway.getLivenessProbe(), "/q/health/ready", gateway.getReadinessProbe());

        probes.forEach((path, probe) -> {
            assertThat(probe).as(path).isNotNull();
            assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
            assertThat(containerPort(gateway, probe.getHttpGet().getPort())).isEqualTo(8080);
            int status = given().get(path).then().extract().statusCode();
            assertThat(status).as(path).isIn(200, 503);
            assertThat(given().get(path).jsonPath().getString("status")).as(path).isIn("UP", "DOWN");
        });
        given().get(gateway.getLivenessProbe().getHttpGet().getPath()).then().statusCode(200);
        given().get(gateway.getStartupProbe().getHttpGet().getPath()).then().statusCode(200);
    }

    @Test
    void theLargeOntologiesOverlayFillsTheWatchedFolderFromAnImageInALockedDownInitContainer() {
        PodSpec pod = render("large-ontologies").gateway().getSpec().getTemplate().getSpec();
        Container gateway = container(pod, "groundgate");
        VolumeMount watched = mountAt(gateway, env(gateway, "GROUNDGATE_KG_PATHS").orElseThrow());
        Volume ontologies = volume(pod, watched.getName());
        assertThat(ontologies.getEmptyDir()).as("the watched folder is an emptyDir").isNotNull();
        assertThat(ontologies.getProjected()).as("no ConfigMap projection left").isNull();

        assertThat(pod.getInitContainers()).hasSize(1);
        Container init = pod.getInitContainers().get(0);
        assertThat(init.getImage()).isEqualTo("ghcr.io/groundgate/ontologies:0.1.0");
        VolumeMount target = init.getVolumeMounts().stream().filter(m -> m.getName().equals(watched.getName()))
                .findFirst().orElseThrow();
        assertThat(target.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(init.getCommand()).contains(target.getMountPath() + "/");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        for (Container c : List.of(init, gateway)) {
            assertThat(c.getSecurityContext().getRunAsNonRoot()).as(c.getName()).isNotEqualTo(Boolean.FALSE);
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(c.getName()).isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
            assertThat(c.getResources().getLimits()).as(c.getName()).containsKeys("cpu", "memory");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod", "fuseki", "redis" })
    void podsRunLockedDownWithResources(String overlay) {
        Rendered r = render(overlay);
        List<PodSpec> pods = new ArrayList<>();
        pods.add(r.gateway().getSpec().getTemplate().getSpec());
        r.all("StatefulSet", StatefulSet.class).forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));

        for (PodSpec pod : pods) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            for (Container c : pod.getContainers()) {
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(c.getName()).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
                assertThat(c.getResources().getRequests()).as(c.getName()).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(c.getName()).containsKeys("cpu", "memory");
                assertThat(volume(pod, mountAt(c, "/tmp").getName()).getEmptyDir()).as(c.getName() + " /tmp").isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod", "fuseki", "redis" })
    void theModelCacheIsAWritableVolume(String overlay) {
        PodSpec pod = render(overlay).gateway().getSpec().getTemplate().getSpec();
        Container gateway = container(pod, "groundgate");
        String cache = env(gateway, "DJL_CACHE_DIR").orElseThrow(() -> new AssertionError("DJL_CACHE_DIR is not set"));

        VolumeMount mount = mountAt(gateway, cache);
        assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(volume(pod, mount.getName()).getEmptyDir()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod", "fuseki", "redis" })
    void watchedFoldersAreTheMountedConfigMaps(String overlay) {
        Rendered r = render(overlay);
        PodSpec pod = r.gateway().getSpec().getTemplate().getSpec();
        Container gateway = container(pod, "groundgate");
        List<String> configMaps = r.all("ConfigMap", ConfigMap.class).stream().map(c -> c.getMetadata().getName()).toList();

        Volume ontologies = volume(pod, mountAt(gateway, env(gateway, "GROUNDGATE_KG_PATHS").orElseThrow()).getName());
        List<String> sources = ontologies.getProjected().getSources().stream().map(VolumeProjection::getConfigMap)
                .map(c -> c.getName()).toList();
        assertThat(sources).contains("groundgate-ontologies");
        assertThat(configMaps).containsAll(sources);
        String kgPath = env(gateway, "GROUNDGATE_KG_PATHS").orElseThrow();
        assertThat(env(gateway, "GROUNDGATE_KG_SHAPES_PATHS")).contains(kgPath + "/shapes");
        ontologies.getProjected().getSources().stream().map(VolumeProjection::getConfigMap)
                .filter(c -> "groundgate-shapes".equals(c.getName()))
                .flatMap(c -> c.getItems().stream())
                .forEach(item -> assertThat(item.getPath()).isEqualTo("shapes/" + item.getKey()));

        Volume tools = volume(pod, mountAt(gateway, env(gateway, "GROUNDGATE_TOOLS_DECLARATIVE_PATHS").orElseThrow()).getName());
        assertThat(configMaps).contains(tools.getConfigMap().getName());
        for (VolumeMount m : gateway.getVolumeMounts()) {
            assertThat(m.getSubPath()).as(m.getMountPath() + " (subPath mounts never see updates)").isNull();
        }

        String location = env(gateway, "QUARKUS_CONFIG_LOCATIONS").orElseThrow();
        Path file = Path.of(location);
        Volume config = volume(pod, mountAt(gateway, file.getParent().toString()).getName());
        ConfigMap properties = r.one("ConfigMap", config.getConfigMap().getName(), ConfigMap.class);
        assertThat(properties.getData()).containsKey(file.getFileName().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod", "fuseki", "redis" })
    void apiKeysComeFromTheMountedSecret(String overlay) {
        Rendered r = render(overlay);
        PodSpec pod = r.gateway().getSpec().getTemplate().getSpec();
        Container gateway = container(pod, "groundgate");
        Path keys = Path.of(env(gateway, "GROUNDGATE_SECURITY_API_KEYS_FILE").orElseThrow());

        Volume secrets = volume(pod, mountAt(gateway, keys.getParent().toString()).getName());
        assertThat(secrets.getSecret().getSecretName()).isEqualTo("groundgate-secrets");
        assertThat(r.objects()).noneMatch(o -> "Secret".equals(o.path("kind").asText()));
    }

    @Test
    void devRunsOpenWithoutAKeyFile() {
        Container gateway = container(render("dev").gateway().getSpec().getTemplate().getSpec(), "groundgate");
        assertThat(env(gateway, "GROUNDGATE_SECURITY_API_KEYS_FILE")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod", "fuseki", "redis" })
    void theGracePeriodCoversTheShutdownDelayAndTimeout(String overlay) throws IOException {
        Container gateway = container(render(overlay).gateway().getSpec().getTemplate().getSpec(), "groundgate");
        Properties app = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            app.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Duration timeout = DurationConverter.parseDuration(env(gateway, "QUARKUS_SHUTDOWN_TIMEOUT")
                .orElse(app.getProperty("%prod.quarkus.shutdown.timeout")));
        // the delay is Kubernetes' business: only the Deployment sets it, so `java -jar` on a laptop stops at once
        assertThat(app.getProperty("%prod.quarkus.shutdown.delay")).isNull();
        assertThat(app.getProperty("quarkus.shutdown.delay")).isNull();
        Duration delay = DurationConverter.parseDuration(env(gateway, "QUARKUS_SHUTDOWN_DELAY").orElseThrow());
        assertThat(delay).isPositive();

        assertThat(timeout).isPositive();
        assertThat(render(overlay).gateway().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(timeout.plus(delay).toSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod", "fuseki", "redis" })
    void theAutoscalerTargetsTheDeploymentOnCpu(String overlay) {
        Rendered r = render(overlay);
        HorizontalPodAutoscaler hpa = r.one("HorizontalPodAutoscaler", "groundgate", HorizontalPodAutoscaler.class);
        Deployment deployment = r.gateway();

        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMetrics()).anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2).isLessThan(hpa.getSpec().getMaxReplicas());
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod", "fuseki", "redis" })
    void theDisruptionBudgetSelectsTheGatewayPods(String overlay) {
        Rendered r = render(overlay);
        PodDisruptionBudget pdb = r.one("PodDisruptionBudget", "groundgate", PodDisruptionBudget.class);
        Map<String, String> podLabels = r.gateway().getSpec().getTemplate().getMetadata().getLabels();

        assertThat(selects(pdb.getSpec().getSelector().getMatchLabels(), podLabels)).isTrue();
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod", "fuseki", "redis" })
    void theServiceAndNetworkPolicySelectTheGatewayPods(String overlay) {
        Rendered r = render(overlay);
        Deployment deployment = r.gateway();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container gateway = container(deployment.getSpec().getTemplate().getSpec(), "groundgate");
        assertThat(selects(deployment.getSpec().getSelector().getMatchLabels(), podLabels)).isTrue();

        Service service = r.one("Service", "groundgate", Service.class);
        assertThat(selects(service.getSpec().getSelector(), podLabels)).isTrue();
        assertThat(containerPort(gateway, service.getSpec().getPorts().get(0).getTargetPort())).isEqualTo(8080);

        NetworkPolicy policy = r.one("NetworkPolicy", "groundgate", NetworkPolicy.class);
        assertThat(selects(policy.getSpec().getPodSelector().getMatchLabels(), podLabels)).isTrue();
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> assertThat(rule.getPorts())
                .anySatisfy(p -> assertThat(containerPort(gateway, p.getPort())).isEqualTo(8080)));
        List<NetworkPolicyPort> egress = policy.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream()).toList();
        assertThat(egress).anySatisfy(p -> {
            assertThat(p.getPort().getIntVal()).isEqualTo(53);
            assertThat(p.getProtocol()).isEqualTo("UDP");
        });
        assertThat(egress).anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(443));
    }

    @Test
    void theFusekiOverlayPointsTheGatewayAtAPersistentFuseki() {
        Rendered r = render("fuseki");
        Container gateway = container(r.gateway().getSpec().getTemplate().getSpec(), "groundgate");
        StatefulSet fuseki = r.one("StatefulSet", "fuseki", StatefulSet.class);
        Map<String, String> fusekiLabels = fuseki.getSpec().getTemplate().getMetadata().getLabels();
        Container server = container(fuseki.getSpec().getTemplate().getSpec(), "fuseki");

        assertThat(env(gateway, "GROUNDGATE_KG_STORE")).contains("remote");
        for (String key : List.of("GROUNDGATE_KG_REMOTE_QUERY_URL", "GROUNDGATE_KG_REMOTE_GSP_URL")) {
            java.net.URI url = java.net.URI.create(env(gateway, key).orElseThrow());
            Service service = r.one("Service", url.getHost(), Service.class);
            assertThat(selects(service.getSpec().getSelector(), fusekiLabels)).as(key).isTrue();
            assertThat(service.getSpec().getPorts()).as(key).anySatisfy(p -> {
                assertThat(p.getPort()).isEqualTo(url.getPort());
                assertThat(containerPort(server, p.getTargetPort())).isEqualTo(3030);
            });
            assertThat(url.getPath()).as(key).startsWith("/" + env(server, "FUSEKI_DATASET").orElseThrow() + "/");
        }
        String claim = fuseki.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertThat(server.getVolumeMounts()).anySatisfy(m -> assertThat(m.getName()).isEqualTo(claim));

        Map<String, String> gatewayLabels = r.gateway().getSpec().getTemplate().getMetadata().getLabels();
        NetworkPolicy toFuseki = r.one("NetworkPolicy", "groundgate", NetworkPolicy.class);
        assertThat(toFuseki.getSpec().getEgress()).anySatisfy(rule -> {
            assertThat(rule.getTo()).anySatisfy(peer -> assertThat(selects(peer.getPodSelector().getMatchLabels(), fusekiLabels)).isTrue());
            assertThat(rule.getPorts()).anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(3030));
        });
        NetworkPolicy fusekiPolicy = r.one("NetworkPolicy", "fuseki", NetworkPolicy.class);
        assertThat(selects(fusekiPolicy.getSpec().getPodSelector().getMatchLabels(), fusekiLabels)).isTrue();
        assertThat(fusekiPolicy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom())
                .allSatisfy(peer -> assertThat(selects(peer.getPodSelector().getMatchLabels(), gatewayLabels)).isTrue()));
    }

    @Test
    void theIngressAndHttpRouteExamplesReachTheGatewayServiceOnlyOnTheApiPaths() throws Exception {
        Service service = render("prod").one("Service", "groundgate", Service.class);
        JsonNode ingress = YAML.readTree(K8S.resolve("examples/ingress.yaml").toFile());
        assertThat(ingress.at("/spec/rules/0/http/paths").findValuesAsText("path")).containsExactly("/v1", "/sparql");
        for (JsonNode backend : ingress.at("/spec/rules/0/http/paths").findValues("service")) {
            assertThat(backend.path("name").asText()).isEqualTo(service.getMetadata().getName());
            assertThat(service.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getName())
                    .isEqualTo(backend.at("/port/name").asText()));
        }
        JsonNode route = YAML.readTree(K8S.resolve("examples/httproute.yaml").toFile());
        assertThat(route.at("/spec/rules/0/matches").findValuesAsText("value")).containsExactly("/v1", "/sparql");
        JsonNode backend = route.at("/spec/rules/0/backendRefs/0");
        assertThat(backend.path("name").asText()).isEqualTo(service.getMetadata().getName());
        assertThat(service.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getPort()).isEqualTo(backend.path("port").asInt()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod", "redis" })
    void replicasSpreadAcrossHostsAndZones(String overlay) {
        Deployment gateway = render(overlay).gateway();
        assertThat(gateway.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                .extracting(c -> c.getTopologyKey())
                .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
    }

    @Test
    void thePodMonitorScrapesTheManagementPortOnlyAndTheAlertsUseSeriesTheGatewayExports() throws Exception {
        Assumptions.assumeTrue(kubectlAvailable(), "kubectl is not on the PATH");
        Process p = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("monitoring").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String rendered = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(rendered)) {
            docs.forEachRemaining(objects::add);
        }
        JsonNode monitor = objects.stream().filter(o -> "PodMonitor".equals(o.path("kind").asText())).findFirst()
                .orElseThrow();
        Rendered prod = render("prod");
        Deployment deployment = prod.gateway();
        Map<String, String> selector = YAML.convertValue(monitor.at("/spec/selector/matchLabels"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        assertThat(selects(selector, deployment.getSpec().getTemplate().getMetadata().getLabels())).isTrue();
        // metrics come from the management port (application.properties: quarkus.management.port=9000)...
        Container gateway = container(deployment.getSpec().getTemplate().getSpec(), "groundgate");
        String port = monitor.at("/spec/podMetricsEndpoints/0/port").asText();
        assertThat(containerPort(gateway, new IntOrString(port))).isEqualTo(9000);
        assertThat(monitor.at("/spec/podMetricsEndpoints/0/path").asText()).isEqualTo("/q/metrics");
        // ...which the Service does not expose, and which the NetworkPolicy opens to the monitoring namespace only
        assertThat(prod.one("Service", "groundgate", Service.class).getSpec().getPorts())
                .noneSatisfy(sp -> assertThat(containerPort(gateway, sp.getTargetPort())).isEqualTo(9000));
        NetworkPolicy policy = prod.one("NetworkPolicy", "groundgate", NetworkPolicy.class);
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> {
            if (rule.getPorts().stream().anyMatch(pp -> containerPort(gateway, pp.getPort()) == 9000)) {
                assertThat(rule.getFrom()).isNotEmpty();
            }
        });

        JsonNode rules = objects.stream().filter(o -> "PrometheusRule".equals(o.path("kind").asText())).findFirst()
                .orElseThrow().at("/spec/groups/0/rules");
        assertThat(rules.size()).isGreaterThan(3);
        // every groundgate_ series an alert reads is one the gateway's code registers
        java.util.regex.Matcher series = java.util.regex.Pattern.compile("groundgate_([a-z_]+?)(_total|_seconds_count|_seconds_bucket)?\\b")
                .matcher(rules.toString());
        String sources;
        try (var files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(java.util.stream.Collectors.joining("\n"));
        }
        int checked = 0;
        while (series.find()) {
            assertThat(sources).as(series.group()).contains("\"groundgate." + series.group(1).replace('_', '.') + "\"");
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void theRedisOverlaySharesRateLimitsThroughARedisOnlyTheGatewayReaches() {
        Rendered r = render("redis");
        Container gateway = container(r.gateway().getSpec().getTemplate().getSpec(), "groundgate");
        Deployment redis = r.one("Deployment", "redis", Deployment.class);
        Map<String, String> redisLabels = redis.getSpec().getTemplate().getMetadata().getLabels();
        Container server = container(redis.getSpec().getTemplate().getSpec(), "redis");

        assertThat(env(gateway, "GROUNDGATE_SECURITY_RATE_LIMIT_STORE")).contains("redis");
        java.net.URI url = java.net.URI.create(env(gateway, "QUARKUS_REDIS_HOSTS").orElseThrow());
        Service service = r.one("Service", url.getHost(), Service.class);
        assertThat(selects(service.getSpec().getSelector(), redisLabels)).isTrue();
        assertThat(service.getSpec().getPorts()).anySatisfy(p -> {
            assertThat(p.getPort()).isEqualTo(url.getPort());
            assertThat(containerPort(server, p.getTargetPort())).isEqualTo(6379);
        });

        Map<String, String> gatewayLabels = r.gateway().getSpec().getTemplate().getMetadata().getLabels();
        NetworkPolicy fromGateway = r.one("NetworkPolicy", "groundgate", NetworkPolicy.class);
        assertThat(fromGateway.getSpec().getEgress()).anySatisfy(rule -> {
            assertThat(rule.getTo()).anySatisfy(peer -> assertThat(selects(peer.getPodSelector().getMatchLabels(), redisLabels)).isTrue());
            assertThat(rule.getPorts()).anySatisfy(p -> assertThat(p.getPort().getIntVal()).isEqualTo(6379));
        });
        NetworkPolicy redisPolicy = r.one("NetworkPolicy", "redis", NetworkPolicy.class);
        assertThat(selects(redisPolicy.getSpec().getPodSelector().getMatchLabels(), redisLabels)).isTrue();
        assertThat(redisPolicy.getSpec().getPolicyTypes()).contains("Ingress", "Egress");
        assertThat(redisPolicy.getSpec().getEgress()).isNullOrEmpty();
        assertThat(redisPolicy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getFrom())
                .allSatisfy(peer -> assertThat(selects(peer.getPodSelector().getMatchLabels(), gatewayLabels)).isTrue()));
        assertThat(server.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod", "fuseki", "redis" })
    void configMapsFitKubernetesSizeLimit(String overlay) {
        for (ConfigMap map : render(overlay).all("ConfigMap", ConfigMap.class)) {
            long bytes = map.getData() == null ? 0
                    : map.getData().entrySet().stream()
                            .mapToLong(e -> e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
            // etcd refuses objects over 1 MiB; keep headroom for metadata (and use kubectl apply --server-side:
            // client-side apply copies the object into an annotation limited to 256 KiB)
            assertThat(bytes).as(map.getMetadata().getName()).isLessThan(900 * 1024);
        }
    }

    @Test
    void theGeneratedConfigMapsMatchTheRepository() throws Exception {
        Assumptions.assumeTrue(kubectlAvailable(), "kubectl is not on the PATH: k8s/config/generate.sh --check not run");
        Process p = new ProcessBuilder("bash", K8S.resolve("config/generate.sh").toString(), "--check")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
