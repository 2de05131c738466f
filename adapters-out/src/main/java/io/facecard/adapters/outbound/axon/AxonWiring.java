package io.facecard.adapters.outbound.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How the contexts' contributions become Axon components, independent of the container: token
 * and saga stores in PostgreSQL, every aggregate, every processor with exactly its projections,
 * every saga on a pooled streaming processor of its own. {@link AxonRuntime} applies it inside
 * Liberty; a test applies the same wiring to a configuration of its own.
 */
public final class AxonWiring {
    private final AxonAssembly assembly;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;

    public AxonWiring(AxonAssembly assembly, ConnectionProvider connections, Serializer serializer,
            ScheduledExecutorService coordinator, ScheduledExecutorService workers) {
        this.assembly = assembly;
        this.connections = connections;
        this.serializer = serializer;
        this.coordinator = coordinator;
        this.workers = workers;
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Events, messages, tokens and sagas are JSON. */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }

    public Configurer applyTo(Configurer configurer) {
        for (AxonContext.Aggregate a : assembly.aggregates()) {
            AggregateConfigurer<?> aggregate = databaseLocked(a.type());
            if (a.snapshotEvery() > 0) {
                // Read from the latest snapshot plus at most snapshotEvery events. Snapshots are taken on their own
                // thread in their own transaction: a failure there never touches a till's call.
                aggregate.configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), a.snapshotEvery()));
            }
            configurer.configureAggregate(aggregate);
        }
        configurer.eventProcessing(ep -> {
            ep.registerTokenStore(c -> JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build())
                    // Errors in the subscribing projections must fail the command (a duplicate phone is a 409),
                    // never be logged and skipped.
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    .registerSagaStore(c -> JdbcSagaStore.builder().connectionProvider(connections)
                            .sqlSchema(new PostgresSagaSqlSchema()).serializer(serializer).build());
            assembly.processors().values().forEach(p -> {
                if (p.streaming()) {
                    pooled(ep, p.name(), p.segments(), p.batchSize(), p.startAtHead());
                } else {
                    ep.registerSubscribingEventProcessor(p.name());
                }
                List<Object> handlers = assembly.handlersOf(p.name());
                handlers.forEach(h -> ep.registerEventHandler(c -> h));
                ep.assignHandlerInstancesMatching(p.name(), h -> handlers.stream().anyMatch(x -> x == h));
            });
            for (AxonContext.Saga saga : assembly.sagas()) {
                pooled(ep, saga.processor(), saga.segments(), 1, false);
                ep.registerSaga(saga.type());
                ep.assignProcessingGroup(saga.type().getSimpleName() + "Processor", saga.processor());
            }
        });
        return configurer;
    }

    private void pooled(EventProcessingConfigurer ep, String name, int segments, int batchSize, boolean startAtHead) {
        ep.registerPooledStreamingEventProcessor(name, Configuration::eventStore, (c, builder) -> {
            var b = builder.coordinatorExecutor(coordinator).workerExecutor(workers).initialSegmentCount(segments).batchSize(batchSize);
            return startAtHead ? b.initialToken(StreamableMessageSource::createHeadToken) : b;
        });
    }

    /**
     * No in-JVM aggregate lock: it is released when a command ends, but the command's rows stay
     * locked until the surrounding JTA transaction commits, and a transaction that sends two commands
     * to one aggregate then deadlocked against a second request holding the JVM lock while waiting
     * for those rows. The event store's (aggregate, sequence) key alone serialises writers; the loser
     * gets a ConcurrencyException and is retried.
     */
    private static <A> AggregateConfigurer<A> databaseLocked(Class<A> type) {
        return AggregateConfigurer.defaultConfiguration(type).configureLockFactory(c -> NullLockFactory.INSTANCE);
    }
}
