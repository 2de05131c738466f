package io.facecard.adapters.inbound.http;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.refusal.Throttled;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place a refusal becomes HTTP: its rule's category decides the status (an exhaustive
 * switch, so a new category does not compile until it has one), its slug is the problem type.
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {
    /** Seconds a client is asked to wait before it retries an UNAVAILABLE request. */
    static final int RETRY_AFTER = 2;

    @Override
    public Response toResponse(Refusal r) {
        Response problem = Problems.response(status(r.category()), r.type(), title(r.category()), r.getMessage(), r.reason());
        if (r instanceof Throttled t) {
            return Response.fromResponse(problem).header("Retry-After", t.retryAfterSeconds()).build();
        }
        return r.category() == Category.UNAVAILABLE || r.category() == Category.TOO_MANY_REQUESTS
                ? Response.fromResponse(problem).header("Retry-After", RETRY_AFTER).build() : problem;
    }

    static int status(Category category) {
        return switch (category) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    static String title(Category category) {
        return switch (category) {
            case INVALID -> "Invalid request";
            case UNAUTHENTICATED -> "Not authenticated";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case TOO_LARGE -> "Payload too large";
            case UNPROCESSABLE -> "Unprocessable";
            case TOO_MANY_REQUESTS -> "Too many requests";
            case UNAVAILABLE -> "Unavailable";
        };
    }
}
