package io.facecard.adapters.inbound.http.gate;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body as JSON and nothing else: one value with no trailing content, no repeated
 * member names, no NaN or Infinity, numbers kept exact (a 20-digit integer stays 20 digits, so the
 * contract's maximum refuses it instead of a binder wrapping it), nesting bounded before any
 * recursion can run deep, and no text that PostgreSQL or UTF-8 cannot hold (U+0000, a lone surrogate).
 */
public final class StrictJson {
    /** Deep enough for a condition tree of 20 levels (each level is an object and an array), far below a stack's end. */
    public static final int MAX_DEPTH = 64;
    private static final int MAX_STRING = 1 << 20;
    /** Money, points and seconds all stay far below 10^30; a longer integer part is a probe, not a value. */
    static final int MAX_INTEGER_DIGITS = 30;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(100).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private StrictJson() {}

    /** The body's one JSON value; a {@link BodyRefused} names where and why it is not acceptable. */
    public static JsonNode read(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new BodyRefused("", "the body is not strict JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new BodyRefused("", "the body is empty");
        }
        return check(node, "");
    }

    /**
     * Text that cannot be stored is refused; a number beyond every range of the contract is refused
     * before any comparison; an integral number written as a decimal (3.0, 1e3) becomes an integer,
     * so an integer field's bounds are compared exactly (the validator narrows decimals to a long).
     */
    private static JsonNode check(JsonNode node, String pointer) {
        if (node.isString()) {
            refuseUnstorable(node.asString(), pointer);
        } else if (node.isNumber()) {
            return number(node, pointer);
        } else if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String name : List.copyOf(object.propertyNames())) {
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                refuseUnstorable(name, at);
                object.set(name, check(object.get(name), at));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, check(array.get(i), pointer + "/" + i));
            }
        }
        return node;
    }

    private static JsonNode number(JsonNode node, String pointer) {
        BigDecimal value = node.decimalValue();
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new BodyRefused(pointer, "a number beyond 1e" + MAX_INTEGER_DIGITS + " is outside every range of this API");
        }
        if (!node.isIntegralNumber() && value.stripTrailingZeros().scale() <= 0) {
            return BigIntegerNode.valueOf(value.toBigIntegerExact());
        }
        return node;
    }

    private static void refuseUnstorable(String text, String pointer) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new BodyRefused(pointer, "U+0000 is not allowed in text");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BodyRefused(pointer, "a lone UTF-16 surrogate is not a character");
            }
        }
    }
}
