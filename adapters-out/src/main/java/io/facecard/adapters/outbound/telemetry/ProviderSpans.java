package io.facecard.adapters.outbound.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Calls to an outside provider as CLIENT spans ({@code <provider> <method>}), children of the use case that made them:
 * the part of a face-pay's time spent waiting for WeChat Pay, Alipay or Stripe. Only the provider and method are
 * attributes; amounts, references and credentials stay out.
 */
public final class ProviderSpans {
    private ProviderSpans() {}

    /** {@code target} behind a proxy of every interface it implements, each call a span. */
    @SuppressWarnings("unchecked")
    public static <T> T traced(T target, String provider, Tracer tracer) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            interfaces.addAll(Set.of(c.getInterfaces()));
        }
        return (T) Proxy.newProxyInstance(target.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new), (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            Span span = tracer.spanBuilder(provider + " " + method.getName()).setSpanKind(SpanKind.CLIENT)
                    .setAttribute("facecard.provider", provider).startSpan();
            try (Scope ignored = span.makeCurrent()) {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                span.setStatus(StatusCode.ERROR, e.getCause().getClass().getSimpleName());
                throw e.getCause();
            } finally {
                span.end();
            }
        });
    }
}
