package io.facecard.adapters.outbound.telemetry;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanAttributesProvider;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.SpanScope;

/**
 * Axon's spans as OpenTelemetry spans: a command or event dispatched inside an HTTP request is that request's child, and
 * its trace context travels in the message's metadata ({@code traceparent}), so the aggregate's handling, the stored
 * event and every projection that later handles it join the same trace, on whichever thread or replica. Each span names
 * the message's payload type and tenant.
 */
public final class AxonSpans implements SpanFactory {
    /** The W3C trace context fields carried in metadata (and copied from a command to its events). */
    public static final String[] PROPAGATED = {"traceparent", "tracestate"};
    /** Attributes Axon would add that name a member. */
    static final Set<String> UNSAID = Set.of("axon.aggregateId");

    private static final TextMapGetter<MetaData> FROM_METADATA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MetaData carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(MetaData carrier, String key) {
            Object v = carrier == null ? null : carrier.get(key);
            return v == null ? null : v.toString();
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final List<SpanAttributesProvider> providers = new CopyOnWriteArrayList<>();

    public AxonSpans(Tracer tracer, TextMapPropagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Span createRootTrace(Supplier<String> name) {
        return new OtelSpan(tracer.spanBuilder(name.get()).setNoParent().setSpanKind(SpanKind.INTERNAL));
    }

    @Override
    public Span createHandlerSpan(Supplier<String> name, Message<?> parent, boolean child, Message<?>... linked) {
        Context sent = propagator.extract(Context.root(), parent.getMetaData(), FROM_METADATA);
        SpanBuilder b = tracer.spanBuilder(name.get()).setSpanKind(SpanKind.CONSUMER);
        if (child) {
            b.setParent(sent);
        } else {
            b.setNoParent().addLink(io.opentelemetry.api.trace.Span.fromContext(sent).getSpanContext());
        }
        for (Message<?> m : linked) {
            b.addLink(io.opentelemetry.api.trace.Span.fromContext(propagator.extract(Context.root(), m.getMetaData(), FROM_METADATA))
                    .getSpanContext());
        }
        return new OtelSpan(describe(b, parent));
    }

    @Override
    public Span createDispatchSpan(Supplier<String> name, Message<?> message, Message<?>... linked) {
        return new OtelSpan(describe(tracer.spanBuilder(name.get()).setSpanKind(SpanKind.PRODUCER), message));
    }

    @Override
    public Span createInternalSpan(Supplier<String> name) {
        return new OtelSpan(tracer.spanBuilder(name.get()).setSpanKind(SpanKind.INTERNAL));
    }

    @Override
    public Span createInternalSpan(Supplier<String> name, Message<?> message) {
        return new OtelSpan(describe(tracer.spanBuilder(name.get()).setSpanKind(SpanKind.INTERNAL), message));
    }

    @Override
    public void registerSpanAttributeProvider(SpanAttributesProvider provider) {
        providers.add(provider);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M extends Message<?>> M propagateContext(M message) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.isEmpty() ? message : (M) message.andMetaData(carrier);
    }

    private SpanBuilder describe(SpanBuilder b, Message<?> m) {
        b.setAttribute("axon.message.payload_type", m.getPayloadType().getSimpleName());
        String tenant = Tenants.of(m.getPayload());
        if (tenant != null) {
            b.setAttribute(Tenants.ATTRIBUTE, tenant);
        }
        for (SpanAttributesProvider p : providers) {
            p.provideForMessage(m).forEach((k, v) -> {
                if (!UNSAID.contains(k)) {
                    b.setAttribute(k, v);
                }
            });
        }
        return b;
    }

    /** One Axon span over an OpenTelemetry span, made current on the thread that runs its work. */
    private static final class OtelSpan implements Span {
        private final SpanBuilder builder;
        private io.opentelemetry.api.trace.Span span;

        OtelSpan(SpanBuilder builder) {
            this.builder = builder;
        }

        @Override
        public Span start() {
            span = builder.startSpan();
            return this;
        }

        @Override
        public SpanScope makeCurrent() {
            if (span == null) {
                return () -> {};
            }
            Scope scope = span.makeCurrent();
            return scope::close;
        }

        @Override
        public void end() {
            if (span != null) {
                span.end();
            }
        }

        @Override
        public Span recordException(Throwable t) {
            if (span != null) {
                span.recordException(t);
                span.setStatus(StatusCode.ERROR);
            }
            return this;
        }

        /**
         * Axon names some attributes before it starts the span: those go on the builder. The aggregate's id is left
         * out: a bonus account's id is its member's, a pseudonym that still identifies a person.
         */
        @Override
        public Span addAttribute(String key, String value) {
            if (UNSAID.contains(key)) {
                return this;
            }
            if (span == null) {
                builder.setAttribute(key, value);
            } else {
                span.setAttribute(key, value);
            }
            return this;
        }
    }
}
