package io.facecard.adapters.outbound.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;

/**
 * Everything the contexts contributed, checked once: every processor declared by one context
 * only, every projection assigned to a declared processor, every aggregate and saga once.
 */
public final class AxonAssembly {
    private final List<AxonContext.Aggregate> aggregates = new ArrayList<>();
    private final Map<String, AxonContext.Processor> processors = new LinkedHashMap<>();
    private final Map<String, List<Object>> handlers = new LinkedHashMap<>();
    private final List<AxonContext.Saga> sagas = new ArrayList<>();

    public AxonAssembly(Iterable<? extends AxonContext> contexts, Iterable<?> projections) {
        for (AxonContext c : contexts) {
            for (AxonContext.Aggregate a : c.aggregates()) {
                if (aggregates.stream().anyMatch(x -> x.type() == a.type())) {
                    throw new IllegalStateException("aggregate " + a.type().getName() + " is contributed twice");
                }
                aggregates.add(a);
            }
            for (AxonContext.Processor p : c.processors()) {
                if (processors.putIfAbsent(p.name(), p) != null) {
                    throw new IllegalStateException("processor '" + p.name() + "' is declared twice");
                }
                handlers.put(p.name(), new ArrayList<>());
            }
            sagas.addAll(c.sagas());
        }
        for (Object projection : projections) {
            String group = processorOf(projection.getClass());
            List<Object> of = handlers.get(group);
            if (of == null) {
                throw new IllegalStateException(projection.getClass().getName() + " names processor '" + group
                        + "', which no context declares (declared: " + processors.keySet() + ")");
            }
            of.add(projection);
        }
    }

    /** The processor named by the class's (or, for a CDI proxy, its superclass's) {@code @ProcessingGroup}. */
    static String processorOf(Class<?> type) {
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            ProcessingGroup g = t.getAnnotation(ProcessingGroup.class);
            if (g != null) {
                return g.value();
            }
        }
        throw new IllegalStateException(type.getName() + " is a projection without @ProcessingGroup");
    }

    public List<AxonContext.Aggregate> aggregates() {
        return aggregates;
    }

    public Map<String, AxonContext.Processor> processors() {
        return processors;
    }

    public List<Object> handlersOf(String processor) {
        return handlers.get(processor);
    }

    public List<AxonContext.Saga> sagas() {
        return sagas;
    }
}
