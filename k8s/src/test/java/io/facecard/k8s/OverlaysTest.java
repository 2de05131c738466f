package io.facecard.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The overlays as built (validate/kustomize.mjs, run by the build before the tests, which also checks them against the
 * JSON schemas and against kubectl's kustomize where one is installed), every object loaded into its typed model.
 */
class OverlaysTest {
    static List<HasMetadata> build(String overlay) throws IOException {
        Path built = ManifestsTest.ROOT.resolveSibling("target").resolve("k8s").resolve(overlay + ".yaml");
        String out = Files.readString(built, StandardCharsets.UTF_8);
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = ManifestsTest.YAML.readerFor(JsonNode.class).readValues(out)) {
            while (docs.hasNext()) {
                JsonNode raw = docs.next();
                Class<? extends HasMetadata> type = ManifestsTest.KINDS.get(raw.path("kind").asText());
                assertThat(type).as("a typed model for " + raw.path("kind").asText()).isNotNull();
                objects.add(ManifestsTest.YAML.treeToValue(raw, type));
            }
        }
        return objects;
    }

    static <T> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void devRunsOneReplicaOnOneDatabaseInstanceThatMayBeDrained() throws Exception {
        List<HasMetadata> dev = build("dev");
        assertThat(dev).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("facecard-dev"));
        assertThat(all(dev, HorizontalPodAutoscaler.class).get(0).getSpec().getMinReplicas()).isEqualTo(1);
        assertThat(all(dev, PodDisruptionBudget.class).get(0).getSpec().getMinAvailable().getIntVal()).isZero();
        assertThat(all(dev, GenericKubernetesResource.class).get(0).<Integer>get("spec", "instances")).isEqualTo(1);
        assertThat(all(dev, ConfigMap.class).get(0).getData()).containsEntry("OTEL_TRACES_EXPORTER", "logging")
                .containsEntry("FACECARD_MIGRATIONS", "verify");
    }

    @Test
    void productionKeepsThreeOfEverythingAndSendsSampledTracesToTheCollector() throws Exception {
        List<HasMetadata> production = build("production");
        assertThat(production).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("facecard"));
        assertThat(all(production, HorizontalPodAutoscaler.class).get(0).getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(all(production, GenericKubernetesResource.class).get(0).<Integer>get("spec", "instances")).isEqualTo(3);
        assertThat(all(production, ConfigMap.class).get(0).getData()).containsEntry("OTEL_TRACES_EXPORTER", "otlp")
                .containsEntry("OTEL_TRACES_SAMPLER", "parentbased_traceidratio").containsEntry("FACECARD_SANDBOX", "false");
        assertThat(all(production, NetworkPolicy.class)).anySatisfy(np -> assertThat(np.getSpec().getEgress())
                .flatExtracting(r -> r.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(4317));
    }
}
