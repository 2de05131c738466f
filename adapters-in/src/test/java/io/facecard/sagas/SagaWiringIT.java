package io.facecard.sagas;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.adapters.outbound.axon.AxonAssembly;
import io.facecard.adapters.outbound.axon.AxonContext;
import io.facecard.adapters.outbound.axon.AxonWiring;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutId;
import io.facecard.it.Api;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A saga through the platform's own Axon wiring ({@link AxonWiring}: the contexts' assembly, the
 * JDBC saga store on the tables Flyway made, a pooled streaming processor) against the tests'
 * PostgreSQL. Its events go to an event store in a schema of its own, so the running server never
 * sees them; the saga tables are the platform's. (Transactions are autocommit here, JTA in Liberty.)
 */
class SagaWiringIT {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Its tables are the application's migrations': wait until the application has started. */
    @BeforeAll
    static void applicationStarted() {
        Api.awaitReady();
    }

    @Test
    void aSagaStartsIsFoundByItsAssociationAndEndsInTheJdbcSagaStore() throws Exception {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl("jdbc:postgresql://" + System.getProperty("facecard.db.host", "127.0.0.1") + ":"
                + System.getProperty("facecard.db.port", "5432") + "/" + System.getProperty("facecard.db.name", "facecard_test")
                + "?currentSchema=saga_it,public");
        db.setUser(System.getProperty("facecard.db.user", "facecard"));
        db.setPassword(System.getProperty("facecard.db.password"));
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("drop schema if exists saga_it cascade; create schema saga_it");
        }
        JacksonSerializer serializer = AxonWiring.serializer();
        DataSourceConnectionProvider connections = new DataSourceConnectionProvider(db);
        JdbcEventStorageEngine events = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer).snapshotSerializer(serializer).build();
        events.createSchema(PostgresEventTableFactory.INSTANCE);
        JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer).build()
                .createSchema(PostgresTokenTableFactory.INSTANCE);

        AxonContext watch = new AxonContext() {
            @Override
            public List<Saga> sagas() {
                return List.of(new Saga(AbandonedCheckoutSaga.class, "abandoned-checkouts", 1));
            }
        };
        ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1);
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> events);
        new AxonWiring(new AxonAssembly(List.of(watch), List.of()), connections, serializer, coordinator, workers).applyTo(configurer);
        Configuration axon = configurer.start();
        try {
            assertThat(axon.eventProcessingConfiguration().eventProcessor("abandoned-checkouts")).isPresent();
            CheckoutId checkout = new CheckoutId(UUID.randomUUID());
            CheckoutOpenedEvent opened = AbandonedCheckoutSagaTest.opened();
            axon.eventGateway().publish(new CheckoutOpenedEvent(opened.tenantId(), checkout, opened.storeId(), opened.terminalId(),
                    opened.currency(), opened.lines(), opened.total(), Instant.now()));
            assertThat(await(db, checkout, 1)).as("the saga is stored with its association").isEqualTo(1);

            axon.eventGateway().publish(new CheckoutCompletedEvent(opened.tenantId(), checkout, null, "R-1", List.of(), 0, 0,
                    Instant.now()));
            assertThat(await(db, checkout, 0)).as("the completed checkout ended the saga").isZero();
        } finally {
            axon.shutdown();
            coordinator.shutdownNow();
            workers.shutdownNow();
            try (Connection c = db.getConnection()) {
                c.createStatement().execute("drop schema saga_it cascade");
            }
        }
    }

    /** Sagas of this checkout in the store (by its association), once it reaches {@code expected} or time is up. */
    private static int await(PGSimpleDataSource db, CheckoutId checkout, int expected) throws SQLException, InterruptedException {
        long until = System.nanoTime() + PATIENCE.toNanos();
        int found;
        do {
            try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("select count(*) from sagaentry s "
                    + "join associationvalueentry a on a.sagaid = s.sagaid where a.associationkey = 'checkoutId' "
                    + "and a.associationvalue like ? and s.sagatype like '%AbandonedCheckoutSaga'")) {
                q.setString(1, "%" + checkout.value() + "%");
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    found = r.getInt(1);
                }
            }
            if (found != expected) {
                Thread.sleep(100);
            }
        } while (found != expected && System.nanoTime() < until);
        return found;
    }
}
