package io.facecard.adapters.out.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.out.axon.AxonWiring;

/** JSON columns of the loyalty read models (basket lines, the program). */
final class JsonColumns {
    /** The events' mapping: a basket reads back exactly as its event carried it. */
    private static final ObjectMapper MAPPER = AxonWiring.objectMapper();

    private JsonColumns() {}

    static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
