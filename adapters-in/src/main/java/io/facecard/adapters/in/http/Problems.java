package io.facecard.adapters.in.http;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: every error this API returns has this shape. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://facecard.io/problems/";

    private Problems() {}

    public static Response response(int status, String type, String title, String detail) {
        return response(status, type, title, detail, null);
    }

    public static Response response(int status, String type, String title, String detail, String reason) {
        return response(status, type, title, detail, reason, java.util.Map.of());
    }

    /** 400 invalid-request for a body the gate refused, with each fault as {@code {pointer, detail}}. */
    public static Response invalidBody(String detail, JsonArray errors) {
        String body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + "invalid-request")
                .add("title", "Invalid request")
                .add("status", 400)
                .add("detail", detail)
                .add("errors", errors)
                .build().toString();
        return Response.status(400).type(MEDIA_TYPE).entity(body).build();
    }

    /** @param extensions further members of the problem (RFC 9457 §3.2), such as the id of what failed */
    public static Response response(int status, String type, String title, String detail, String reason,
            java.util.Map<String, String> extensions) {
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
        extensions.forEach(body::add);
        Response.ResponseBuilder r = Response.status(status).type(MEDIA_TYPE).entity(body.build().toString());
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"facecard\"");
        }
        return r.build();
    }
}
