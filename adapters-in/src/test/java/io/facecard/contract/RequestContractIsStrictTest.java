package io.facecard.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gate enforces what the contract says, so the contract must say enough: every part of every
 * JSON request body is bounded. Objects name what they accept ({@code additionalProperties}), numbers
 * have both ends, strings a length and either an enum, a format or a pattern (free text: no control
 * characters), arrays a length. What the binder would otherwise coerce or wrap has nowhere to go.
 */
class RequestContractIsStrictTest {
    private static final Set<String> BOUNDED_FORMATS = Set.of("uuid", "date", "date-time");

    @Test
    void everyRequestBodyIsBoundedInEveryPart() throws IOException {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<String> loose = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    check(doc, schema, op.getKey() + " " + path.getKey() + " ", loose, new HashSet<>());
                }
            }
        }
        assertThat(loose).isEmpty();
    }

    private static void check(JsonNode doc, JsonNode schema, String at, List<String> loose, Set<String> seen) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (seen.add(ref)) {
                check(doc, doc.at(ref.substring(1)), ref + " ", loose, seen);
            }
            return;
        }
        if (schema.path("readOnly").asBoolean(false)) {
            return;
        }
        for (String union : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode part : schema.path(union)) {
                check(doc, part, at, loose, seen);
            }
        }
        // a 'not' only forbids: what it holds need not be bounded, so it is not walked
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!schema.has("additionalProperties") || schema.get("additionalProperties").asBoolean(false)) {
                    loose.add(at + "object open to any member");
                }
                schema.path("properties").properties().forEach(p -> check(doc, p.getValue(), at + "." + p.getKey() + " ", loose, seen));
                JsonNode extra = schema.path("additionalProperties");
                if (extra.isObject()) {
                    check(doc, extra, at + ".* ", loose, seen);
                }
            }
            case "array" -> {
                if (!schema.has("maxItems")) {
                    loose.add(at + "array without maxItems");
                }
                check(doc, schema.path("items"), at + "[] ", loose, seen);
            }
            case "string" -> {
                boolean closed = schema.has("enum") || BOUNDED_FORMATS.contains(schema.path("format").asText());
                if (!closed && !schema.has("maxLength")) {
                    loose.add(at + "string without maxLength");
                }
                if (!closed && !schema.has("pattern") && !"byte".equals(schema.path("format").asText())) {
                    loose.add(at + "string without pattern");
                }
            }
            case "number", "integer" -> {
                if (!schema.has("minimum") || !schema.has("maximum")) {
                    loose.add(at + type + " without minimum and maximum");
                }
            }
            case "boolean" -> { }
            default -> {
                if (!schema.has("oneOf") && !schema.has("anyOf") && !schema.has("allOf") && !schema.has("enum")) {
                    loose.add(at + "no type");
                }
            }
        }
    }
}
