package io.facecard.adapters.outbound.telemetry;

import io.facecard.adapters.outbound.axon.AxonRuntime;
import io.facecard.application.platform.StartupStep;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gauges an operator alerts on, beside the per-tenant request timers: the depth of every queue the background
 * workers drain (outbox, payment steps, CRM deliveries and the age of the oldest), and how many events each Axon
 * processor is behind the store's head. The queues are counted at most every {@link #FRESH_MS} ms, however often
 * they are scraped; each replica reports the same database-wide depth (alert on the max, not the sum).
 */
@ApplicationScoped
public class OperatorGauges implements StartupStep {
    static final long FRESH_MS = 5_000;

    @Inject
    MetricRegistry registry;
    @Inject
    AxonRuntime axon;
    @Resource(lookup = "jdbc/facecard")
    DataSource dataSource;

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
        for (String name : axon.processors().keySet()) {
            registry.gauge(Metadata.builder().withName("facecard.axon.processor.lag").withDescription(
                    "Events the processor's slowest segment is behind the event store's head").build(), () -> lag(name),
                    new Tag("processor", name));
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

    private long lag(String processor) {
        EventProcessor p = axon.processors().get(processor);
        if (!(p instanceof StreamingEventProcessor s)) {
            return 0;
        }
        OptionalLong head = axon.eventStore().createHeadToken().position();
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : s.processingStatus().values()) {
            slowest = Math.min(slowest, status.getCurrentPosition().orElse(-1));
        }
        return head.isPresent() && slowest != Long.MAX_VALUE ? Math.max(0, head.getAsLong() - slowest) : 0;
    }
}
