package io.facecard.adapters.outbound.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.facecard.adapters.outbound.telemetry.AxonSpans;
import io.facecard.application.platform.StartupStep;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DefaultEventProcessorSpanFactory;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.FixedValueRevisionResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.tracing.SpanFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Axon Framework started by hand inside Liberty (there is no maintained CDI extension): the
 * container's JTA DataSource for the event and token stores, its transactions, and its managed
 * threads for the pooled streaming processors.
 */
@ApplicationScoped
public class AxonRuntime implements StartupStep {
    private static final int EVENT_BATCH = 100;
    private static final Logger LOG = Logger.getLogger(AxonRuntime.class.getName());
    /** How far streaming processors may lag behind a commit; see {@link PacedStreamReads}. */
    private static final Duration STREAM_PACE = Duration.ofMillis(50);
    /** Raise when an aggregate's fields change (2: BonusAccount's lots became a {@code Lots} value). */
    static final String SNAPSHOT_LAYOUT = "2";

    @Resource(lookup = "jdbc/facecard")
    DataSource dataSource;
    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction userTransaction;
    @Resource
    TransactionSynchronizationRegistry registry;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    /** Off only to compare against, or should the cache ever be suspected. */
    @Inject
    @ConfigProperty(name = "facecard.axon.event-cache", defaultValue = "true")
    boolean eventCache;
    /** One per bounded context; see {@link AxonContext}. */
    @Inject
    @Any
    Instance<AxonContext> contexts;
    @Inject
    @Any
    Instance<Projection> projections;
    /** The container's OpenTelemetry (MicroProfile Telemetry); a no-op one where the feature is off. */
    @Inject
    Instance<OpenTelemetry> telemetry;

    private Configuration configuration;

    private SpanFactory spans() {
        OpenTelemetry otel = telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop();
        return new AxonSpans(otel.getTracer("io.facecard.axon"), otel.getPropagators().getTextMapPropagator());
    }

    /** The stored events, unpaced. */
    private EventStorageEngine storage;
    private ScheduledExecutorService coordinator;
    private ScheduledExecutorService workers;
    private PersistentDeadlines deadlines;
    private ExecutorService snapshotExecutor;

    @Override
    public int phase() {
        return EVENTS;
    }

    @Override
    public synchronized void start() {
        if (configuration != null) {
            return;
        }
        AxonAssembly assembly = new AxonAssembly(contexts, projections);
        JacksonSerializer serializer = AxonWiring.serializer();
        // Snapshots hold an aggregate's private fields, which have no getters: read and written field by field.
        // Their shape is the aggregate's field layout, so each layout has a revision: a snapshot of an
        // older layout is passed over and the aggregate is sourced from its events instead.
        JacksonSerializer snapshots = JacksonSerializer.builder().objectMapper(AxonWiring.objectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
                .revisionResolver(new FixedValueRevisionResolver(SNAPSHOT_LAYOUT)).build();
        JtaTransactionManager tx = new JtaTransactionManager(userTransaction, registry);
        DataSourceConnectionProvider connections = new DataSourceConnectionProvider(dataSource);
        coordinator = Executors.newScheduledThreadPool(1, threads);
        deadlines = new PersistentDeadlines(dataSource, threads);
        snapshotExecutor = Executors.newSingleThreadExecutor(threads);
        workers = Executors.newScheduledThreadPool(2, threads);

        EventStorageEngine stored = new SnapshotReadsFor(new OneBatchStreamReads(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(tx)
                .eventSerializer(serializer)
                .snapshotSerializer(snapshots)
                .snapshotFilter(snapshot -> SNAPSHOT_LAYOUT.equals(snapshot.getPayload().getType().getRevision()))
                // A duplicate (aggregate, sequence) is two commands racing on one aggregate: a
                // ConcurrencyException the caller may retry, not a storage failure.
                .persistenceExceptionResolver(new SQLStateResolver())
                // An aggregate's sequence numbers have no gaps, so a batch shorter than asked for is
                // the last one. Axon's JDBC default reads on until an empty batch: one more query per load.
                // TenantOnboardingIT loads a 250-event aggregate.
                .batchSize(EVENT_BATCH)
                .finalAggregateBatchPredicate(batch -> batch.size() < EVENT_BATCH)
                // Only accounts are snapshotted (below).
                ), snapshottedPrefixes(assembly));
        storage = eventCache ? new CommittedEventCache(stored, CommittedEventCache.jta(registry)) : stored;

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> tx)
                .configureEmbeddedEventStore(c -> new PacedStreamReads(storage, STREAM_PACE, OneBatchStreamReads.STREAM_BATCH))
                .configureSnapshotter(c -> snapshotter(c, tx, snapshotted(assembly)))
                .configureDeadlineManager(c -> deadlines.manager(c, tx, serializer))
                .configureSpanFactory(c -> spans())
                // A command's trace context goes on with the events it causes, like its correlation id ...
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(AxonSpans.PROPAGATED)))
                // ... and a processor handles a recent event inside the trace that published it (a replay's old events
                // start traces of their own), so a checkout's projections show up under its request.
                .registerComponent(EventProcessorSpanFactory.class, c -> DefaultEventProcessorSpanFactory.builder()
                        .spanFactory(c.spanFactory()).distributedInSameTrace(true).build());
        new AxonWiring(assembly, connections, serializer, coordinator, workers).applyTo(configurer);
        configuration = configurer.start();
        deadlines.start(configuration);
        LOG.info("Axon started with processors " + configuration.eventProcessingConfiguration().eventProcessors().keySet());
    }

    private static List<String> snapshottedPrefixes(AxonAssembly assembly) {
        return snapshotted(assembly).stream().map(AxonContext.Aggregate::idPrefix).toList();
    }

    private static List<AxonContext.Aggregate> snapshotted(AxonAssembly assembly) {
        return assembly.aggregates().stream().filter(a -> a.snapshotEvery() > 0).toList();
    }

    /**
     * Takes account snapshots on a thread of its own, in a transaction of its own. It only replays
     * events, so the command handlers' DeadlineManager parameters are left unresolved (null).
     */
    private AggregateSnapshotter snapshotter(Configuration c, TransactionManager tx, List<AxonContext.Aggregate> types) {
        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(c.parameterResolverFactory(),
                (executable, params, index) -> params[index].getType() == DeadlineManager.class
                        ? new FixedValueParameterResolver<>(null) : null);
        List<AggregateFactory<?>> factories = types.stream()
                .<AggregateFactory<?>>map(a -> new GenericAggregateFactory<>(
                        AnnotatedAggregateMetaModelFactory.inspectAggregate(a.type(), parameters, c.handlerDefinition(a.type()))))
                .toList();
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .transactionManager(tx)
                .executor(snapshotExecutor)
                .aggregateFactories(factories)
                .parameterResolverFactory(parameters)
                .handlerDefinition(c.handlerDefinition(Object.class))
                .build();
    }

    @Override
    public synchronized void stop() {
        if (configuration != null) {
            configuration.shutdown();
            coordinator.shutdownNow();
            workers.shutdownNow();
            deadlines.stop();
            snapshotExecutor.shutdownNow();
            configuration = null;
        }
    }

    /** Passes every event stored so far to {@code each}, in global order; see {@link EventHistory}. */
    public long replayHistory(Consumer<TrackedEventMessage<?>> each) {
        EventStorageEngine engine;
        synchronized (this) {
            start();
            engine = storage;
        }
        return EventHistory.forEach(engine, each);
    }

    public synchronized EventStore eventStore() {
        start();
        return configuration.eventStore();
    }

    /** For readiness: every processor runs and none is stuck in an error. */
    public synchronized boolean healthy() {
        if (configuration == null) {
            return false;
        }
        Map<String, EventProcessor> processors = configuration.eventProcessingConfiguration().eventProcessors();
        return processors.values().stream().allMatch(p -> p.isRunning() && !p.isError());
    }

    public synchronized Map<String, EventProcessor> processors() {
        return configuration == null ? Map.of() : configuration.eventProcessingConfiguration().eventProcessors();
    }

    @Produces
    @ApplicationScoped
    CommandGateway commandGateway() {
        start();
        return configuration.commandGateway();
    }
}
