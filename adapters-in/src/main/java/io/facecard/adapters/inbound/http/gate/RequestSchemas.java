package io.facecard.adapters.inbound.http.gate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The JSON request schemas of the published contract, one per operation ("POST /api/v1/campaigns"),
 * compiled once. The contract is the gate's only source of truth: a range added to the document is
 * enforced by the next deployment, and the document cannot promise a check the server skips.
 */
public final class RequestSchemas {
    private static final String CONTRACT = "https://facecard.io/contract/openapi.yaml";
    private static final String[] VERBS = {"post", "put", "patch", "delete", "get"};

    /** An operation's body schema, and whether the operation needs a body at all. */
    public record BodySchema(Schema schema, boolean required) {
        public List<Error> problems(JsonNode body) {
            return schema.validate(body);
        }
    }

    private final Map<String, BodySchema> byOperation;

    private RequestSchemas(Map<String, BodySchema> byOperation) {
        this.byOperation = byOperation;
    }

    /** Loads the contract the WAR carries (the one {@code /openapi} serves). */
    public static RequestSchemas fromClasspath() {
        try (InputStream in = RequestSchemas.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi.yaml is not on the class path");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RequestSchemas of(String contractYaml) {
        SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b
                .schemas(Map.of(CONTRACT, contractYaml))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .pathType(PathType.JSON_POINTER)
                        .build()));
        ObjectMapper yaml = new YAMLMapper();
        JsonNode paths = yaml.readTree(contractYaml).path("paths");
        Map<String, BodySchema> schemas = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String verb : VERBS) {
                JsonNode body = path.getValue().path(verb).path("requestBody");
                if (body.path("content").has("application/json")) {
                    Schema schema = registry.getSchema(SchemaLocation.of(CONTRACT + "#/paths/" + escape(path.getKey()) + "/"
                            + verb + "/requestBody/content/application~1json/schema"));
                    schema.initializeValidators();
                    schemas.put(verb.toUpperCase() + " " + path.getKey(), new BodySchema(schema, body.path("required").asBoolean(false)));
                }
            }
        }
        return new RequestSchemas(Map.copyOf(schemas));
    }

    /** @param operation the verb and the path template as the contract writes it: "PUT /api/v1/face-settings" */
    public Optional<BodySchema> forOperation(String operation) {
        return Optional.ofNullable(byOperation.get(operation));
    }

    public int size() {
        return byOperation.size();
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }
}
