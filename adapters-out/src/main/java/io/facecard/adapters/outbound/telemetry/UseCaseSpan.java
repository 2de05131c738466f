package io.facecard.adapters.outbound.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * One span per use-case call ({@code Class.method}), around its transaction (so the commit's time is in it), with the
 * tenant taken from the first argument that names one (a caller, a tenant id, a command). Refusals are marked as
 * errors with their type, never their detail (which may quote a caller's input).
 */
@UseCase
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
public class UseCaseSpan {
    @Inject
    Instance<OpenTelemetry> telemetry;

    private volatile Tracer tracer;

    @AroundInvoke
    public Object trace(InvocationContext call) throws Exception {
        if (!Span.current().getSpanContext().isValid()) {
            return call.proceed(); // not inside a traced request or message: a background tick is not a trace of its own
        }
        SpanBuilder b = tracer().spanBuilder(call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName());
        for (Object arg : call.getParameters()) {
            String tenant = Tenants.of(arg);
            if (tenant != null) {
                b.setAttribute(Tenants.ATTRIBUTE, tenant);
                break;
            }
        }
        Span span = b.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return call.proceed();
        } catch (Exception | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private Tracer tracer() {
        Tracer t = tracer;
        if (t == null) {
            OpenTelemetry otel = telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop();
            tracer = t = otel.getTracer("io.facecard.usecases");
        }
        return t;
    }
}
