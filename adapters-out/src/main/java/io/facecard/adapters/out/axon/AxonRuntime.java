package io.facecard.adapters.out.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.facecard.adapters.out.tenancy.TenantDirectoryProjection;
import io.facecard.adapters.out.tenancy.TenantHistoryProjection;
import io.facecard.adapters.out.membership.FacePartitionProjection;
import io.facecard.adapters.out.membership.MemberDirectoryProjection;
import io.facecard.adapters.out.loyalty.CheckoutProjection;
import io.facecard.adapters.out.loyalty.LedgerProjection;
import io.facecard.domain.checkout.Checkout;
import io.facecard.domain.checkout.Receipt;
import io.facecard.domain.loyalty.BonusAccount;
import io.facecard.domain.loyalty.BonusAccountId;
import io.facecard.domain.membership.Member;
import io.facecard.domain.tenancy.Tenant;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.TrackedEventMessage;
import java.util.function.Consumer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon Framework started by hand inside Liberty (there is no maintained CDI extension): the
 * container's JTA DataSource for the event and token stores, its transactions, and its managed
 * threads for the pooled streaming processors.
 */
@ApplicationScoped
public class AxonRuntime {
    private static final int EVENT_BATCH = 100;
    private static final Logger LOG = Logger.getLogger(AxonRuntime.class.getName());
    /** How far streaming processors may lag behind a commit; see {@link PacedStreamReads}. */
    private static final Duration STREAM_PACE = Duration.ofMillis(50);
    /**
     * Events after which an account is snapshotted. A checkout adds three events to an account and
     * loads it twice; replaying an event costs about 8 µs of CPU, taking a snapshot about 0.7 ms. The
     * sum per checkout, 2 × (n / 2) × 8 µs + (3 / n) × 0.7 ms, is lowest near n = 16.
     */
    private static final int SNAPSHOT_EVERY = 16;

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
    @Inject
    TenantDirectoryProjection tenantDirectory;
    @Inject
    TenantHistoryProjection tenantHistory;
    @Inject
    MemberDirectoryProjection memberDirectory;
    @Inject
    FacePartitionProjection facePartitions;
    @Inject
    LedgerProjection ledger;
    @Inject
    CheckoutProjection checkouts;

    private Configuration configuration;
    /** The stored events, unpaced. */
    private EventStorageEngine storage;
    private ScheduledExecutorService coordinator;
    private ScheduledExecutorService workers;
    private PersistentDeadlines deadlines;
    private java.util.concurrent.ExecutorService snapshotExecutor;

    public synchronized void start() {
        if (configuration != null) {
            return;
        }
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper()).build();
        // Snapshots hold an aggregate's private fields, which have no getters: read and written field by field.
        JacksonSerializer snapshots = JacksonSerializer.builder().objectMapper(objectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)).build();
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
                // A duplicate (aggregate, sequence) is two commands racing on one aggregate: a
                // ConcurrencyException the caller may retry, not a storage failure.
                .persistenceExceptionResolver(new SQLStateResolver())
                // An aggregate's sequence numbers have no gaps, so a batch shorter than asked for is
                // the last one. Axon's JDBC default reads on until an empty batch: one more query per load.
                // TenantOnboardingIT loads a 250-event aggregate.
                .batchSize(EVENT_BATCH)
                .finalAggregateBatchPredicate(batch -> batch.size() < EVENT_BATCH)
                // Only accounts are snapshotted (below).
                ), List.of(BonusAccountId.PREFIX));
        storage = eventCache ? new CommittedEventCache(stored, CommittedEventCache.jta(registry)) : stored;

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> tx)
                .configureEmbeddedEventStore(c -> new PacedStreamReads(storage, STREAM_PACE, OneBatchStreamReads.STREAM_BATCH))
                .configureAggregate(databaseLocked(Tenant.class))
                .configureAggregate(databaseLocked(Member.class))
                .configureAggregate(databaseLocked(Checkout.class))
                .configureAggregate(databaseLocked(Receipt.class))
                // A member's account is read from its latest snapshot plus at most SNAPSHOT_EVERY events. Snapshots
                // are taken on their own thread in their own transaction: a failure there never touches a till's call.
                .configureAggregate(databaseLocked(BonusAccount.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_EVERY)))
                .configureSnapshotter(c -> snapshotter(c, tx))
                .configureDeadlineManager(c -> deadlines.manager(c, tx, serializer));
        configurer.eventProcessing(ep -> ep
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .build())
                // Errors in the subscribing projections must fail the command (a duplicate phone is a 409),
                // never be logged and skipped.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerSubscribingEventProcessor(TenantDirectoryProjection.PROCESSOR)
                .registerSubscribingEventProcessor(MemberDirectoryProjection.PROCESSOR)
                .registerSubscribingEventProcessor(LedgerProjection.PROCESSOR)
                .registerPooledStreamingEventProcessor(TenantHistoryProjection.PROCESSOR,
                        Configuration::eventStore,
                        (c, builder) -> builder
                                .coordinatorExecutor(coordinator)
                                .workerExecutor(workers)
                                .initialSegmentCount(2))
                .registerEventHandler(c -> tenantDirectory)
                .registerEventHandler(c -> tenantHistory)
                .registerEventHandler(c -> memberDirectory)
                .registerEventHandler(c -> facePartitions)
                .registerEventHandler(c -> ledger)
                .registerEventHandler(c -> checkouts)
                .assignHandlerInstancesMatching(TenantDirectoryProjection.PROCESSOR,
                        h -> h instanceof TenantDirectoryProjection || h instanceof FacePartitionProjection)
                .assignHandlerInstancesMatching(MemberDirectoryProjection.PROCESSOR,
                        h -> h instanceof MemberDirectoryProjection)
                .assignHandlerInstancesMatching(LedgerProjection.PROCESSOR,
                        h -> h instanceof LedgerProjection || h instanceof CheckoutProjection)
                .assignHandlerInstancesMatching(TenantHistoryProjection.PROCESSOR,
                        h -> h instanceof TenantHistoryProjection));
        configuration = configurer.start();
        deadlines.start(configuration);
        LOG.info("Axon started with processors " + configuration.eventProcessingConfiguration().eventProcessors().keySet());
    }

    /**
     * Takes account snapshots on a thread of its own, in a transaction of its own. It only replays
     * events, so the command handlers' DeadlineManager parameters are left unresolved (null).
     */
    private AggregateSnapshotter snapshotter(Configuration c, TransactionManager tx) {
        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(c.parameterResolverFactory(),
                (executable, params, index) -> params[index].getType() == DeadlineManager.class
                        ? new FixedValueParameterResolver<>(null) : null);
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(BonusAccount.class, parameters,
                c.handlerDefinition(BonusAccount.class));
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .transactionManager(tx)
                .executor(snapshotExecutor)
                .aggregateFactories(new GenericAggregateFactory<>(model))
                .parameterResolverFactory(parameters)
                .handlerDefinition(c.handlerDefinition(BonusAccount.class))
                .build();
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

    public synchronized org.axonframework.eventsourcing.eventstore.EventStore eventStore() {
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

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
