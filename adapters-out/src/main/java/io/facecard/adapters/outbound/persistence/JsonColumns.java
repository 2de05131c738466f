package io.facecard.adapters.outbound.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.outbound.axon.AxonWiring;

/** JSON columns of read models (basket lines, the loyalty program), written with the events' own mapping. */
public final class JsonColumns {
    /** The events' mapping: a basket reads back exactly as its event carried it. */
    private static final ObjectMapper MAPPER = AxonWiring.objectMapper();

    private JsonColumns() {}

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
