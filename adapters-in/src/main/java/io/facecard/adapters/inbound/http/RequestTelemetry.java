package io.facecard.adapters.inbound.http;

import io.facecard.application.security.Caller;
import io.opentelemetry.api.trace.Span;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What an operator sees of each API call: a timer per tenant, operation ({@code Resource.method}) and outcome
 * ({@code 2xx}, {@code 4xx}, {@code 5xx}) on {@code /metrics} (rates, errors, p50/p95/p99), the tenant's id on the
 * request's span, and the trace id on every log record the request writes (Liberty's JSON logs show it as
 * {@code ext_traceId}). Ids only: a tenant's name or a caller's user name never becomes a tag.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestTelemetry implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(RequestTelemetry.class.getName());
    private static final String STARTED = RequestTelemetry.class.getName() + ".started";
    static final String TIMER = "facecard.request";
    private static final Method ADD_EXTENSION = logContext("addExtension", String.class, String.class);
    private static final Method REMOVE_EXTENSION = logContext("removeExtension", String.class);

    @Inject
    MetricRegistry registry;
    @Inject
    CurrentCaller caller;
    @Context
    ResourceInfo resource;

    /** Timers looked up once per tenant, operation and outcome, not through the registry on every call. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        String trace = Span.current().getSpanContext().getTraceId();
        if (Span.current().getSpanContext().isValid()) {
            invoke(ADD_EXTENSION, "traceId", trace);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            Object started = request.getProperty(STARTED);
            String tenant = tenant();
            if (tenant != null) {
                Span.current().setAttribute("facecard.tenant", tenant);
            }
            if (started instanceof Long t) {
                String operation = operation();
                String outcome = response.getStatus() / 100 + "xx";
                String key = tenant + "|" + operation + "|" + outcome;
                timers.computeIfAbsent(key, k -> registry.timer(Metadata.builder().withName(TIMER)
                        .withDescription("API calls by tenant, operation and outcome").build(),
                        new Tag("tenant", tenant == null ? "none" : tenant), new Tag("operation", operation), new Tag("outcome", outcome)))
                        .update(Duration.ofNanos(System.nanoTime() - t));
            }
        } finally {
            invoke(REMOVE_EXTENSION, "traceId");
        }
    }

    private String tenant() {
        try {
            Caller c = caller.peek();
            return c == null ? null : c.tenant().map(t -> t.value().toString()).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String operation() {
        Method m = resource == null ? null : resource.getResourceMethod();
        Class<?> c = resource == null ? null : resource.getResourceClass();
        return m == null || c == null ? "unmatched" : c.getSimpleName() + "." + m.getName();
    }

    private static Method logContext(String name, Class<?>... types) {
        try {
            return Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext").getMethod(name, types);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // outside Liberty (unit tests): no log context to add to
        }
    }

    private static void invoke(Method m, Object... args) {
        if (m != null) {
            try {
                m.invoke(null, args);
            } catch (ReflectiveOperationException e) {
                LOG.log(Level.FINE, "the log record context refused " + m.getName(), e);
            }
        }
    }
}
