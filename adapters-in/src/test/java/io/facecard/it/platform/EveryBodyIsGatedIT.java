package io.facecard.it.platform;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.facecard.it.Api;
import io.facecard.it.TenantFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generative: every operation of the published contract that takes a JSON body gets its own example
 * with one part at a time made hostile (wrong type, out of range, NaN, NUL, a lone surrogate, a
 * control character, too long, nested 1,000 deep, an unknown member) and whole-body faults (trailing
 * content, a repeated member, an empty body). Each must be a 400 problem naming the part at fault,
 * never a 5xx, and the tenant's data must be exactly as before.
 */
class EveryBodyIsGatedIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MARK = "@@hostile@@";
    static JsonNode contract;
    static String operator;
    static Chain chain;

    /** @param textual a fault of the JSON text itself (NaN, nesting), refused before any schema looks at a part */
    record Mutation(String name, String pointer, String body, boolean textual) {
        Mutation(String name, String pointer, String body) {
            this(name, pointer, body, true);
        }
    }

    private static final List<String> TEXTUAL = List.of("[".repeat(1000) + "]".repeat(1000), "NaN", "-Infinity");

    @BeforeAll
    static void setUp() throws IOException {
        try (InputStream in = EveryBodyIsGatedIT.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            contract = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        operator = operatorToken();
        chain = onboard(operator);
        // thousands of calls in a few seconds: the tenant's share must not answer them with 429 instead of the gate
        patch("/api/v1/tenants/" + chain.id(), operator, Map.of("limits", Map.of("requestsPerSecond", 10000, "burst", 20000))).ok(200);
        // the tenant's history is projected asynchronously: the fingerprint starts once the set-up's two events are in it
        long until = System.nanoTime() + 10_000_000_000L;
        while (get("/api/v1/tenants/" + chain.id() + "/history", operator).ok(200).json().size() < 2 && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void everyHostileBodyOfEveryOperationIsRefusedWholeAndChangesNothing() throws Exception {
        Map<String, String> before = TenantFingerprint.of(chain.id());
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        int sent = 0;
        for (var path : iterable(contract.path("paths").fields())) {
            for (var op : iterable(path.getValue().fields())) {
                JsonNode media = op.getValue().path("requestBody").path("content").path("application/json");
                if (media.isMissingNode()) {
                    continue;
                }
                operations++;
                String url = concrete(path.getKey(), path.getValue(), op.getValue());
                String token = path.getKey().startsWith("/api/v1/tenants") ? operator
                        : path.getKey().equals("/api/v1/auth/token") ? null : chain.adminToken();
                boolean required = op.getValue().path("requestBody").path("required").asBoolean(false);
                for (Mutation m : mutations(media.get("example"), media.get("schema"), required)) {
                    Reply r = raw(op.getKey().toUpperCase(), url, token, m.body(), "application/json");
                    sent++;
                    String where = op.getKey().toUpperCase() + " " + path.getKey() + " " + m.name() + " at '" + m.pointer() + "': ";
                    boolean tooLarge = m.body().length() > 1024 * 1024 && r.status() == 413;
                    if (r.status() != 400 && !tooLarge || !r.contentType().startsWith("application/problem+json")) {
                        wrong.add(where + r.status() + " " + r.body());
                    } else if (!tooLarge && !namesThePart(r.json(), m.textual() ? "" : m.pointer())) {
                        wrong.add(where + "the problem does not name the part: " + r.body());
                    }
                }
            }
        }
        System.out.printf("the gate refused %d hostile bodies over %d operations%n", sent, operations);
        assertThat(wrong).isEmpty();
        assertThat(operations).isGreaterThanOrEqualTo(44);
        assertThat(sent).isGreaterThan(1500);
        assertThat(TenantFingerprint.of(chain.id())).isEqualTo(before);
    }

    /** The refusal names the mutated part, or a part inside it, or (for a fault of the text itself) the body. */
    private static boolean namesThePart(JsonNode problem, String pointer) {
        for (JsonNode e : problem.path("errors")) {
            String at = e.path("pointer").asText();
            if (at.equals(pointer) || at.startsWith(pointer + "/") || at.isEmpty() && pointer.isEmpty()
                    || pointer.startsWith(at) && !at.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String concrete(String template, JsonNode pathItem, JsonNode operation) {
        String url = template;
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode p : parameters) {
            JsonNode schema = p.path("schema");
            if ("path".equals(p.path("in").asText())) {
                String value = schema.has("enum") ? schema.get("enum").get(0).asText() : UUID.randomUUID().toString();
                url = url.replace("{" + p.path("name").asText() + "}", value);
            }
        }
        return url.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static List<Mutation> mutations(JsonNode example, JsonNode schema, boolean required) throws IOException {
        List<Mutation> out = new ArrayList<>();
        String text = MAPPER.writeValueAsString(example);
        out.add(new Mutation("trailing content", "", text + " {\"more\":1}"));
        if (required) {
            out.add(new Mutation("empty body", "", ""));
        }
        out.add(new Mutation("not an object", "", "[" + text + "]"));
        if (example.isObject() && example.fieldNames().hasNext()) {
            String first = example.fieldNames().next();
            out.add(new Mutation("repeated member", "", "{\"" + first + "\":" + example.get(first) + "," + text.substring(1)));
        }
        walk(example, schema, "", example, out);
        return out;
    }

    /** Every part of the schema that the example reaches, made hostile in the ways its type allows. */
    private static void walk(JsonNode root, JsonNode schema, String pointer, JsonNode here, List<Mutation> out) throws IOException {
        schema = resolve(schema);
        if (schema.path("readOnly").asBoolean(false)) {
            return;
        }
        String type = schema.path("type").asText("");
        List<String> values = new ArrayList<>(List.of("1e999999"));
        switch (type) {
            case "boolean" -> values.addAll(List.of("\"yes\"", "1", "\"true\"", "{}"));
            case "integer", "number" -> {
                values.addAll(List.of("\"1\"", "true", "\"NaN\"", "{}", "[]", "1e308", "-1e308", "18446744073709551661"));
                if (type.equals("integer")) {
                    values.add("3.7");
                }
                if (schema.has("maximum")) {
                    values.add(schema.get("maximum").decimalValue().add(BigDecimal.ONE).toPlainString());
                }
                if (schema.has("minimum")) {
                    values.add(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE).toPlainString());
                }
            }
            case "string" -> {
                values.addAll(List.of("1", "true", "{}", "[]", "\"a\\u0000b\"", "\"\\ud800\""));
                if (schema.has("enum")) {
                    values.add("\"NOT_ONE_OF_THEM\"");
                } else if (schema.has("format") && !"password".equals(schema.get("format").asText())) {
                    values.addAll(List.of("\"99999-01-01T00:00:00Z\"", "\"not-a-" + schema.get("format").asText() + "!\""));
                } else {
                    values.add("\"bell\\u0007\"");
                }
                int max = schema.path("maxLength").asInt(1000);
                values.add("\"" + "a".repeat(max + 1) + "\"");
            }
            case "object" -> {
                values.addAll(List.of("\"x\"", "1", "[]"));
                ObjectNode extra = here != null && here.isObject() ? ((ObjectNode) here).deepCopy() : MAPPER.createObjectNode();
                JsonNode props = schema.path("properties");
                if (!props.has("unexpectedMember") && !schema.path("additionalProperties").isObject()) {
                    extra.put("unexpectedMember", 1);
                    if (pointer.isEmpty()) {
                        out.add(new Mutation("unknown member", "", MAPPER.writeValueAsString(extra), false));
                    } else {
                        values.add(MAPPER.writeValueAsString(extra));
                    }
                }
                for (var p : iterable(props.fields())) {
                    JsonNode child = here != null ? here.get(p.getKey()) : null;
                    if (here != null && here.isObject()) {
                        walk(root, p.getValue(), pointer + "/" + p.getKey(), child, out);
                    }
                }
            }
            case "array" -> {
                values.addAll(List.of("\"x\"", "{}", "1"));
                if (schema.has("maxItems") && here != null && here.size() > 0) {
                    ArrayNode many = MAPPER.createArrayNode();
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(here.get(0));
                    }
                    values.add(MAPPER.writeValueAsString(many));
                }
                if (here != null && here.size() > 0) {
                    walk(root, schema.path("items"), pointer + "/0", here.get(0), out);
                }
            }
            default -> { } // a union (anyOf): no one wrong type, only the values wrong for every part
        }
        if (pointer.isEmpty()) {
            return;
        }
        if (!schema.path("nullable").asBoolean(false) && !type.isEmpty()) {
            values.add("null");
        }
        for (String value : values) {
            out.add(new Mutation(value.length() > 40 ? value.substring(0, 40) + "…" : value, pointer, replaced(root, pointer, value), false));
        }
        for (String value : TEXTUAL) {
            out.add(new Mutation(value.substring(0, Math.min(value.length(), 12)), pointer, replaced(root, pointer, value), true));
        }
    }

    private static String replaced(JsonNode root, String pointer, String rawValue) throws IOException {
        JsonNode copy = root.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), TextNode.valueOf(MARK));
        } else {
            ((ObjectNode) parent).set(last, TextNode.valueOf(MARK));
        }
        return MAPPER.writeValueAsString(copy).replace("\"" + MARK + "\"", rawValue);
    }

    private static JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            schema = contract.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
