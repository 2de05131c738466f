package io.facecard.adapters.inbound.http;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.CommonRule;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** RFC 9457 problem details: every error this API returns has this shape. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://facecard.io/problems/";

    private Problems() {}

    public static Response response(int status, String type, String title, String detail) {
        return response(status, type, title, detail, null);
    }

    public static Response response(int status, String type, String title, String detail, String reason) {
        return response(status, type, title, detail, reason, Map.of());
    }

    /** 400 invalid-request for a body the gate refused, with each fault as {@code {pointer, detail}}. */
    public static Response invalidBody(String detail, JsonArray errors) {
        return response(RefusalMapper.status(Category.INVALID), CommonRule.INVALID_REQUEST.slug(), RefusalMapper.title(Category.INVALID),
                detail, null, Map.of("errors", errors));
    }

    /** @param extensions further members of the problem (RFC 9457 §3.2): texts, or JSON values such as a list of faults */
    public static Response response(int status, String type, String title, String detail, String reason, Map<String, ?> extensions) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (reason != null) {
            body.add("reason", reason);
        }
        extensions.forEach((name, value) -> {
            if (value instanceof JsonValue json) {
                body.add(name, json);
            } else {
                body.add(name, String.valueOf(value));
            }
        });
        Response.ResponseBuilder r = Response.status(status).type(MEDIA_TYPE).entity(body.build().toString());
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"facecard\"");
        }
        return r.build();
    }
}
