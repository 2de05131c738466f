package io.facecard.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads every manifest into fabric8's typed model (unknown fields fail) and checks what operations rely on. */
class ManifestsTest {
    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("base");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** CloudNativePG's Cluster has no fabric8 model: it is loaded generically here and checked against its CRD schema by validate/. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class, "Service", Service.class,
            "ConfigMap", ConfigMap.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "NetworkPolicy", NetworkPolicy.class, "Job", Job.class,
            "Cluster", GenericKubernetesResource.class);
    static List<HasMetadata> objects = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        JsonNode kustomization = YAML.readTree(ROOT.resolve("kustomization.yaml").toFile());
        for (JsonNode resource : kustomization.path("resources")) {
            JsonNode raw = YAML.readTree(ROOT.resolve(resource.asText()).toFile());
            Class<? extends HasMetadata> type = KINDS.get(raw.path("kind").asText());
            assertThat(type).as("a typed model for " + resource.asText()).isNotNull();
            objects.add(YAML.treeToValue(raw, type));
        }
    }

    private static Deployment deployment() {
        return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
    }

    @Test
    void everyFileInTheBaseIsListedInTheKustomization() throws IOException {
        try (Stream<Path> files = Files.list(ROOT)) {
            assertThat(files.filter(p -> !p.getFileName().toString().equals("kustomization.yaml")).count())
                    .isEqualTo(objects.size());
        }
        assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "Service", "ConfigMap");
    }

    @Test
    void probesUseMicroProfileHealth() {
        Container c = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertProbe(c.getStartupProbe(), "/health/started");
        assertProbe(c.getReadinessProbe(), "/health/ready");
        assertProbe(c.getLivenessProbe(), "/health/live");
        assertThat(c.getStartupProbe().getFailureThreshold() * c.getStartupProbe().getPeriodSeconds())
                .as("seconds a cold start may take").isGreaterThanOrEqualTo(120);
    }

    @Test
    void resourcesAreRequestedAndLimited() {
        Container c = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        assertThat(Quantity.getAmountInBytes(limits.get("memory"))).isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
    }

    @Test
    void secretsAreReferencedNeverWritten() {
        Container c = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        for (EnvVar e : c.getEnv()) {
            if (e.getName().contains("PASSWORD") || e.getName().contains("SECRET")) {
                assertThat(e.getValue()).as(e.getName()).isNull();
                assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
            }
        }
        ConfigMap config = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).findFirst().orElseThrow();
        assertThat(config.getData().keySet()).noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET"));
        assertThat(objects).noneMatch(o -> o.getKind().equals("Secret"));
    }

    @Test
    void productionTalksToTheLiveProvidersWithKeysFromASecret() {
        ConfigMap config = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).findFirst().orElseThrow();
        assertThat(config.getData()).containsEntry("FACECARD_SANDBOX", "false");
        Container c = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getEnvFrom()).filteredOn(e -> e.getSecretRef() != null).extracting(e -> e.getSecretRef().getName())
                .containsExactly("facecard-payment-rails");
    }

    @Test
    void theServiceSelectsTheDeploymentsPods() {
        Service s = objects.stream().filter(Service.class::isInstance).map(Service.class::cast).findFirst().orElseThrow();
        assertThat(deployment().getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(s.getSpec().getSelector());
    }

    @Test
    void importsAreSpooledOnASizeLimitedVolumeThatTheSpoolSettingNames() {
        var pod = deployment().getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);
        var volume = pod.getVolumes().stream().filter(v -> v.getName().equals("import-spool")).findFirst().orElseThrow();
        assertThat(volume.getEmptyDir().getSizeLimit()).isNotNull();
        String path = container.getVolumeMounts().stream().filter(m -> m.getName().equals("import-spool")).findFirst().orElseThrow()
                .getMountPath();
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("FACECARD_IMPORT_SPOOL_DIR");
            assertThat(e.getValue()).isEqualTo(path);
        });
    }

    private static <T> T one(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void theAutoscalerScalesTheDeploymentOnCpuAndNeverBelowTwo() {
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment().getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        // Utilization is a share of the request: without a CPU request the autoscaler could not compute it.
        assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests()).containsKey("cpu");
    }

    @Test
    void aDrainKeepsOneReplicaAndSelectsTheDeploymentsPods() {
        PodDisruptionBudget pdb = one(PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(deployment().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void onlyTheIngressReachesLibertyAndLibertyReachesOnlyTheDatabaseDnsAndHttps() {
        NetworkPolicy np = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(p -> p.getMetadata().getName().equals("facecard")).findFirst().orElseThrow();
        assertThat(np.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deployment().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(np.getSpec().getPodSelector().getMatchLabels());
        assertThat(np.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9080));
            assertThat(rule.getFrom()).allSatisfy(peer -> assertThat(peer.getIpBlock()).isNull());
        });
        assertThat(np.getSpec().getEgress()).flatExtracting(r -> r.getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsOnly(5432, 53, 443);
    }

    @Test
    void productionRaisesTheAutoscalersFloorRatherThanFixingTheReplicaCount() throws IOException {
        Path overlay = ROOT.resolveSibling("overlays").resolve("production");
        JsonNode patch = YAML.readTree(overlay.resolve("replicas.yaml").toFile());
        HorizontalPodAutoscaler production = YAML.treeToValue(patch, HorizontalPodAutoscaler.class);
        assertThat(production.getMetadata().getName()).isEqualTo(one(HorizontalPodAutoscaler.class).getMetadata().getName());
        assertThat(production.getSpec().getMinReplicas()).isGreaterThan(one(HorizontalPodAutoscaler.class).getSpec().getMinReplicas());
    }

    @Test
    void migrationsRunOnceInAJobThatNoServiceSelectsWhileReplicasOnlyVerifyTheSchema() {
        Job job = one(Job.class);
        var pod = job.getSpec().getTemplate();
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo(deployment().getSpec().getTemplate().getSpec().getContainers()
                .get(0).getImage());
        assertThat(pod.getSpec().getContainers().get(0).getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("FACECARD_MIGRATIONS");
            assertThat(e.getValue()).isEqualTo("only");
        });
        assertThat(one(ConfigMap.class).getData()).containsEntry("FACECARD_MIGRATIONS", "verify");
        Service s = one(Service.class);
        assertThat(pod.getMetadata().getLabels()).doesNotContainEntry("app.kubernetes.io/name", s.getSpec().getSelector().get("app.kubernetes.io/name"));
        assertThat(objects).filteredOn(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .anySatisfy(np -> assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(np.getSpec().getPodSelector().getMatchLabels()));
    }

    @Test
    void theDatabaseIsACloudNativePgClusterWithPgvectorThatTheReplicasReachAtItsPrimary() {
        GenericKubernetesResource cluster = one(GenericKubernetesResource.class);
        assertThat(cluster.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        Map<String, Object> spec = cluster.get("spec");
        assertThat((String) spec.get("imageName")).startsWith("ghcr.io/cloudnative-pg/postgresql:").contains("-standard-");
        assertThat(cluster.<List<String>>get("spec", "bootstrap", "initdb", "postInitApplicationSQL")).contains("CREATE EXTENSION IF NOT EXISTS vector");
        assertThat(cluster.<String>get("spec", "bootstrap", "initdb", "secret", "name")).isEqualTo("facecard-db");
        assertThat(one(ConfigMap.class).getData()).containsEntry("FACECARD_DB_HOST", cluster.getMetadata().getName() + "-rw");
        assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .filteredOn(e -> e.getName().equals("FACECARD_DB_PASSWORD")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("facecard-db"));
    }

    private static void assertProbe(Probe p, String path) {
        assertThat(p).as(path).isNotNull();
        assertThat(p.getHttpGet().getPath()).isEqualTo(path);
        assertThat(p.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }
}
