package io.facecard.adapters.in.http;

import io.facecard.application.problem.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {
    @Override
    public Response toResponse(Refusal r) {
        return switch (r.kind()) {
            case INVALID -> Problems.response(400, r.type(), "Invalid request", r.getMessage());
            case UNAUTHENTICATED -> Problems.response(401, r.type(), "Not authenticated", r.getMessage());
            case FORBIDDEN -> Problems.response(403, r.type(), "Forbidden", r.getMessage());
            case NOT_FOUND -> Problems.response(404, r.type(), "Not found", r.getMessage());
            case CONFLICT -> Problems.response(409, r.type(), "Conflict", r.getMessage());
            case UNPROCESSABLE -> Problems.response(422, r.type(), "Unprocessable", r.getMessage(), r.reason());
        };
    }
}
