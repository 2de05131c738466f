package io.facecard.adapters.outbound.telemetry;

import io.facecard.application.platform.StartupStep;
import io.facecard.application.platform.Worker;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gauges an operator alerts on, beside the per-tenant request timers: the depth of every queue the background
 * workers drain (outbox, payment steps, CRM deliveries and the age of the oldest) and how many items each of this
 * replica's workers finished (the processors' lag is {@code ProcessorLag}'s). The queues are counted at most every {@link #FRESH_MS} ms, however often
 * they are scraped; each replica reports the same database-wide depth (alert on the max, not the sum).
 */
@ApplicationScoped
public class OperatorGauges implements StartupStep {
    static final long FRESH_MS = 5_000;

    @Inject
    MetricRegistry registry;
    @Resource(lookup = "jdbc/facecard")
    DataSource dataSource;
    @Inject
    @Any
    Instance<Worker> workers;

    private final Map<String, long[]> cached = new ConcurrentHashMap<>();

    @Override
    public int phase() {
        return WORKERS;
    }

    @Override
    public void start() {
        queue("facecard.outbox.queued", "Messages waiting in the outbox", "select count(*) from outbox_message where status = 'QUEUED'");
        queue("facecard.payment.steps.due", "Payment and refund steps due now", "select count(*) from payment_due where due_at <= now()");
        queue("facecard.crm.deliveries.pending", "CRM webhook deliveries not yet ended",
                "select count(*) from crm_delivery where status = 'PENDING'");
        queue("facecard.crm.deliveries.oldest.seconds", "Age of the oldest pending CRM webhook delivery",
                "select coalesce(extract(epoch from now() - min(created_at))::bigint, 0) from crm_delivery where status = 'PENDING'");
        for (Worker w : workers) {
            // A counter in effect (it only grows while the replica runs): rate() of it is the replica's share of the work.
            registry.gauge(Metadata.builder().withName("facecard.worker.items").withDescription(
                    "Items this replica's background worker finished since it started").build(), w::itemsDone, new Tag("worker", w.workName()));
        }
    }

    private void queue(String name, String description, String sql) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), (Supplier<Long>) () -> count(name, sql));
    }

    private long count(String name, String sql) {
        long now = System.currentTimeMillis();
        long[] c = cached.get(name);
        if (c != null && now - c[1] < FRESH_MS) {
            return c[0];
        }
        try (Connection conn = dataSource.getConnection(); Statement s = conn.createStatement(); ResultSet r = s.executeQuery(sql)) {
            long v = r.next() ? r.getLong(1) : 0;
            cached.put(name, new long[] {v, now});
            return v;
        } catch (SQLException e) {
            return -1; // the database is away: -1 is not a depth, and the readiness check says why
        }
    }
}
