package io.facecard.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractMergeTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path PARTS = Path.of("src/main/contract");

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theMergedContractHoldsEveryPartsPathsAndComponentsExactlyAsWritten() throws IOException {
        JsonNode merged = YAML.readTree(ContractMerge.merge(PARTS));
        int paths = 0;
        try (Stream<Path> parts = Files.list(PARTS)) {
            for (Path part : parts.toList()) {
                JsonNode doc = YAML.readTree(part.toFile());
                for (String path : names(doc.path("paths"))) {
                    assertThat(merged.path("paths").get(path)).as(path).isEqualTo(doc.path("paths").get(path));
                    paths++;
                }
                for (String section : names(doc.path("components"))) {
                    for (String name : names(doc.path("components").path(section))) {
                        assertThat(merged.path("components").path(section).get(name)).as(section + " " + name)
                                .isEqualTo(doc.path("components").path(section).get(name));
                    }
                }
            }
        }
        assertThat(names(merged.path("paths"))).hasSize(paths).hasSizeGreaterThan(80);
        assertThat(merged.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(merged.path("tags")).hasSizeGreaterThan(10);
    }

    @Test
    void aNewContextAddsAFragmentAndEditsNoOtherPart(@TempDir Path folder) throws IOException {
        copyParts(folder);
        Files.writeString(folder.resolve("deliveries.yaml"), """
                tags:
                  - name: deliveries
                paths:
                  /api/v1/deliveries:
                    get:
                      operationId: getDeliveries
                      tags: [deliveries]
                      responses:
                        '200': {description: Deliveries, content: {application/json: {schema: {$ref: '#/components/schemas/Delivery'}}}}
                components:
                  schemas:
                    Delivery:
                      type: object
                      properties:
                        at: {type: string, format: date-time}
                """);
        JsonNode merged = YAML.readTree(ContractMerge.merge(folder));
        assertThat(merged.at("/paths/~1api~1v1~1deliveries/get/operationId").asText()).isEqualTo("getDeliveries");
        assertThat(merged.at("/components/schemas/Delivery/properties/at/format").asText()).isEqualTo("date-time");
        assertThat(merged.at("/components/schemas/Problem/type").asText()).as("the shared components stay").isEqualTo("object");
    }

    @Test
    void aPathOrComponentClaimedByTwoPartsFailsTheBuild(@TempDir Path folder) throws IOException {
        copyParts(folder);
        Files.writeString(folder.resolve("zz-copy.yaml"), """
                components:
                  schemas:
                    Problem:
                      type: string
                """);
        assertThatThrownBy(() -> ContractMerge.merge(folder)).hasMessageContaining("components.schemas Problem is in both openapi.yaml and zz-copy.yaml");
    }

    @Test
    void aFragmentHoldsOnlyTagsPathsAndComponentsInBlockStyle(@TempDir Path folder) throws IOException {
        copyParts(folder);
        Files.writeString(folder.resolve("zz-flow.yaml"), "paths: {}\n");
        assertThatThrownBy(() -> ContractMerge.merge(folder)).hasMessageContaining("'paths' must be in block style");
        Files.writeString(folder.resolve("zz-flow.yaml"), "info:\n  title: mine\n");
        assertThatThrownBy(() -> ContractMerge.merge(folder)).hasMessageContaining("not 'info'");
    }

    private static void copyParts(Path folder) throws IOException {
        try (Stream<Path> parts = Files.list(PARTS)) {
            for (Path part : parts.toList()) {
                Files.copy(part, folder.resolve(part.getFileName()));
            }
        }
    }
}
