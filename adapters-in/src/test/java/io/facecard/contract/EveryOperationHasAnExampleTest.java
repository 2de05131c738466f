package io.facecard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every operation shows what to send or what comes back: an example on its JSON request body, or on its success
 * answer (operations with neither a JSON body nor an answer body, such as a 204 DELETE, have nothing to show).
 * A response example must fit its schema, so the document cannot show what the server never sends.
 */
class EveryOperationHasAnExampleTest {
    private static final String CONTRACT = "https://facecard.io/contract/openapi.yaml";

    @Test
    void everyOperationHasAnExampleThatFitsItsSchema() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode paths = new YAMLMapper().readTree(yaml).path("paths");
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(CONTRACT, yaml)));
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!op.getKey().matches("get|post|put|patch|delete")) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                boolean requestExample = op.getValue().path("requestBody").path("content").path("application/json").has("example");
                String answered = null;
                for (String code : new String[] {"200", "201", "202"}) {
                    if (op.getValue().path("responses").has(code)) {
                        answered = code;
                        break;
                    }
                }
                JsonNode media = answered == null ? null : op.getValue().path("responses").path(answered).path("content").path("application/json");
                if (media != null && media.has("example") && media.has("schema")) {
                    String pointer = "#/paths/" + path.getKey().replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D")
                            + "/" + op.getKey() + "/responses/" + answered + "/content/application~1json/schema";
                    Schema schema = registry.getSchema(SchemaLocation.of(CONTRACT + pointer));
                    var errors = schema.validate(media.get("example"));
                    if (!errors.isEmpty()) {
                        wrong.add(name + ": " + errors.get(0).getInstanceLocation() + " " + errors.get(0).getMessage());
                    }
                    shown++;
                } else if (requestExample) {
                    shown++;
                } else if (media != null && !media.isMissingNode()) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(wrong).isEmpty();
        assertThat(shown).isGreaterThan(90);
    }
}
