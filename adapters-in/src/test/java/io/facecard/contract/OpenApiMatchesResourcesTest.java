package io.facecard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.facecard.adapters.inbound.http.gate.BodyGate;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every JAX-RS operation is in the published document, and the document promises nothing more. */
class OpenApiMatchesResourcesTest {

    @Test
    void documentAndResourcesListTheSameOperations() throws IOException {
        assertThat(implemented()).isNotEmpty().isEqualTo(documented());
    }

    @Test
    void everyOperationHasItsOwnOperationId() throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        int operations = 0;
        try (InputStream in = OpenApiMatchesResourcesTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (op.getKey().matches("get|post|put|patch|delete")) {
                        operations++;
                        String id = op.getValue().path("operationId").asText("");
                        assertThat(id).as(op.getKey() + " " + p.getKey()).matches("[a-z][A-Za-z]+");
                        ids.add(id);
                    }
                }
            }
        }
        assertThat(ids).as("unique").hasSize(operations);
    }

    /** OpenAPI forbids templated paths that differ only in their parameters' names ({provider} and {channel} at one place). */
    @Test
    void noTwoPathsDifferOnlyInParameterNames() throws IOException {
        Map<String, String> shapes = new HashMap<>();
        try (InputStream in = OpenApiMatchesResourcesTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            new ObjectMapper(new YAMLFactory()).readTree(in).path("paths").fieldNames().forEachRemaining(path -> {
                String shape = path.replaceAll("\\{[^}]+}", "{}");
                assertThat(shapes.put(shape, path)).as(path + " has the shape of another path").isNull();
            });
        }
    }

    /**
     * In a YAML flow mapping an unquoted comma ends a value: {@code {description: a, b}} is the description "a" and a
     * key "b" with no value. The contract has no key without a value, so any such key is a description cut short.
     */
    @Test
    void noDescriptionIsCutAtAComma() throws IOException {
        try (InputStream in = OpenApiMatchesResourcesTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            List<String> cut = new ArrayList<>();
            collectNullKeys(new ObjectMapper(new YAMLFactory()).readTree(in), "", cut);
            assertThat(cut).isEmpty();
        }
    }

    private static void collectNullKeys(JsonNode node, String path, List<String> cut) {
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                cut.add(path + "/" + f.getKey());
            }
            collectNullKeys(f.getValue(), path + "/" + f.getKey(), cut);
        });
        if (node.isArray()) {
            node.forEach(n -> collectNullKeys(n, path + "[]", cut));
        }
    }

    /** The operations as the request gate names them: so the gate's lookup of a resource method's schema is checked too. */
    static TreeSet<String> implemented() {
        TreeSet<String> ops = new TreeSet<>();
        new ClassFileImporter().importPackages("io.facecard.adapters.inbound").stream()
                .map(c -> c.reflect())
                .filter(c -> c.isAnnotationPresent(Path.class))
                .forEach(c -> {
                    for (Method m : c.getDeclaredMethods()) {
                        String op = BodyGate.operation(c, m);
                        if (op != null) {
                            ops.add(op);
                        }
                    }
                });
        return ops;
    }

    static TreeSet<String> documented() throws IOException {
        TreeSet<String> ops = new TreeSet<>();
        try (InputStream in = OpenApiMatchesResourcesTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(in);
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                p.getValue().fieldNames().forEachRemaining(m -> {
                    if (m.matches("get|post|put|patch|delete")) {
                        ops.add(m.toUpperCase() + " " + p.getKey());
                    }
                });
            }
        }
        return ops;
    }
}
