package io.facecard.adapters.inbound.http.gate;

import com.networknt.schema.Error;
import io.facecard.adapters.inbound.http.FacecardApi;
import io.facecard.adapters.inbound.http.Problems;
import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The one gate every JSON body passes before a resource binds it: strict JSON ({@link StrictJson}),
 * then the operation's schema in the published contract (types, formats, ranges, lengths, patterns,
 * enums, no unknown members). A refused body answers 400 {@code invalid-request} naming each field
 * at fault, and no use case has seen it, so nothing was stored. It runs after the caller is known:
 * an anonymous caller learns it must authenticate, not what the contract wants.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class BodyGate implements ContainerRequestFilter {
    private static final RequestSchemas SCHEMAS = RequestSchemas.fromClasspath();
    private static final Map<Method, String> OPERATIONS = new ConcurrentHashMap<>();
    private static final int ERRORS_SHOWN = 20;
    private static final Set<String> GIVEN_SHOWN = Set.of("enum", "type", "minimum", "maximum", "format", "pattern");

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        Method method = resource.getResourceMethod();
        if (method == null || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return; // images, forms, CSV and XML have their own readers; JSON-B sees JSON only
        }
        String operation = OPERATIONS.computeIfAbsent(method, m -> operation(resource.getResourceClass(), m));
        Optional<RequestSchemas.BodySchema> schema = operation == null ? Optional.empty() : SCHEMAS.forOperation(operation);
        if (schema.isEmpty()) {
            return; // providers' callbacks: their signatures are checked over the raw bytes
        }
        byte[] body = read(request);
        try {
            if (body.length == 0) {
                if (schema.get().required()) {
                    throw new BodyRefused("", "a JSON body is required");
                }
                return;
            }
            JsonNode json = StrictJson.read(body);
            List<Error> errors = schema.get().problems(json);
            if (!errors.isEmpty()) {
                request.abortWith(refusal(errors));
                return;
            }
        } catch (BodyRefused refused) {
            request.abortWith(Problems.invalidBody(where(refused.pointer()) + refused.getMessage(),
                    Json.createArrayBuilder().add(error(refused.pointer(), refused.getMessage())).build()));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static Response refusal(List<Error> errors) {
        JsonArrayBuilder shown = Json.createArrayBuilder();
        errors.stream().limit(ERRORS_SHOWN).forEach(e -> shown.add(error(e.getInstanceLocation().toString(), said(e))));
        String first = where(errors.get(0).getInstanceLocation().toString()) + said(errors.get(0));
        return Problems.invalidBody(errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)", shown.build());
    }

    /** The validator's sentence, with the value that broke it where that helps ("TOASTER" is not a terminal kind). */
    private static String said(Error e) {
        JsonNode given = e.getInstanceNode();
        if (given == null || !given.isValueNode() || !GIVEN_SHOWN.contains(e.getKeyword())) {
            return e.getMessage();
        }
        String value = given.toString();
        return e.getMessage() + " (given " + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + ")";
    }

    /** The detail names the field first, as the use cases' own refusals do ('/holdoutShare: must ...'). */
    private static String where(String pointer) {
        return pointer.isEmpty() ? "" : pointer + ": ";
    }

    private static JsonObject error(String pointer, String detail) {
        return Json.createObjectBuilder().add("pointer", pointer).add("detail", detail).build();
    }

    private static byte[] read(ContainerRequestContext request) {
        try {
            return request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "POST /api/v1/campaigns/{id}/schedule", as the contract names it; null for a method that is no operation. */
    public static String operation(Class<?> resourceClass, Method method) {
        String verb = null;
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                verb = http.value();
            }
        }
        if (verb == null) {
            return null;
        }
        ApplicationPath app = FacecardApi.class.getAnnotation(ApplicationPath.class);
        Path sub = method.getAnnotation(Path.class);
        String path = app.value() + "/" + resourceClass.getAnnotation(Path.class).value() + (sub == null ? "" : "/" + sub.value());
        return verb + " " + path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }
}
