package io.facecard.adapters.inbound.http;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Nulls are written: "member": null says "nobody", an absent field says nothing. */
@Provider
public class JsonbConfig implements ContextResolver<Jsonb> {
    static final Jsonb JSONB = JsonbBuilder.create(new jakarta.json.bind.JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
