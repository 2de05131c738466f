package io.facecard.adapters.inbound.http;

import io.facecard.domain.refusal.Refusal;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Everything that is not a {@link Refusal} (a refusal wrapped by a framework is unwrapped and mapped by
 * {@link RefusalMapper}): framework errors become the matching 4xx problem,
 * a body that does not bind becomes 400 with the binder's reason, anything else is a logged 500
 * whose detail only carries an incident id (no internals, no personal data).
 */
@Provider
public class UnexpectedMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Refusal refusal = find(e, Refusal.class);
        if (refusal != null) {
            return new RefusalMapper().toResponse(refusal);
        }
        if (find(e, ConcurrencyException.class) != null) {
            // Two requests changed the same aggregate at once; the loser changed nothing and may retry.
            return Problems.response(409, "concurrent-change", "Conflict",
                    "the resource was changed by another request at the same moment; retry");
        }
        if (DatabaseUnavailable.is(e)) {
            LOG.warning("database unavailable: " + e);
            return Response.fromResponse(Problems.response(503, "database-unavailable", "Unavailable",
                    "the platform cannot reach its database at this moment; nothing was changed, retry with the same Idempotency-Key"))
                    .header("Retry-After", RefusalMapper.RETRY_AFTER).build();
        }
        WebApplicationException tooLarge = find(e, WebApplicationException.class);
        if (tooLarge != null && tooLarge.getResponse().getStatus() == 413) {
            return Problems.response(413, "body-too-large", "Payload too large", tooLarge.getMessage());
        }
        Throwable binding = find(e, JsonbException.class);
        if (binding == null) {
            binding = find(e, JsonParsingException.class);
        }
        if (binding != null) {
            return Problems.response(400, "malformed-body", "Malformed request body", bindingDetail(binding));
        }
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            int status = wae.getResponse().getStatus();
            String type = switch (status) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> "body-too-large";
                case 415 -> "unsupported-media-type";
                default -> "bad-request";
            };
            String title = Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Client error";
            String detail = switch (status) {
                case 404 -> "there is no resource at this path";
                case 405 -> "this path does not support the method";
                case 415 -> "this endpoint does not accept the body's content type";
                case 406 -> "this endpoint cannot produce the requested media type";
                default -> wae.getMessage() == null ? null : wae.getMessage().replaceAll("RESTEASY\\d+: ", "");
            };
            return Problems.response(status, type, title, detail);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident, e);
        return Problems.response(500, "internal", "Internal error", "incident " + incident);
    }

    private static final Pattern PROPERTY = Pattern.compile("property '([^']+)'");
    private static final Pattern ENUM = Pattern.compile("No enum constant ([\\w.$]+)\\.([^\\s.]+)");

    /** The binder's reason, said in the client's terms: the field, the value, what was expected. */
    static String bindingDetail(Throwable binding) {
        String field = null;
        String root = null;
        for (Throwable t = binding; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            Matcher p = PROPERTY.matcher(m);
            if (field == null && p.find()) {
                field = p.group(1);
            }
            root = m;
        }
        String reason = root == null ? "the body is not valid JSON for this request" : clientTerms(root);
        return field == null ? reason : "field '" + field + "': " + reason;
    }

    private static String clientTerms(String message) {
        Matcher e = ENUM.matcher(message);
        if (e.find()) {
            try {
                Object[] constants = Class.forName(e.group(1)).getEnumConstants();
                return "'" + e.group(2) + "' is not one of " + Arrays.toString(constants);
            } catch (ClassNotFoundException ignored) {
                return "'" + e.group(2) + "' is not an allowed value";
            }
        }
        // The binder names Java classes; a client needs the reason, not our packages.
        return message.replaceAll("io\\.facecard\\.[\\w.$]+", "value").replaceAll("java\\.lang\\.", "");
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
