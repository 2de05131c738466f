package io.facecard.adapters.inbound.instore;

import io.facecard.application.instore.StoreAlerts;
import io.facecard.application.instore.port.Alerts.Alert;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open alert streams, each fed from the database every {@link #POLL_MS} ms (10 small indexed queries a second a stream) from the last id it sent: whichever
 * replica raised an alert, every connected device sees it, and a device that reconnects with {@code Last-Event-ID}
 * gets what it missed. A comment every 15 s keeps proxies from closing a quiet stream and finds dead ones.
 */
@ApplicationScoped
public class AlertFeed {
    private static final Logger LOG = Logger.getLogger(AlertFeed.class.getName());
    static final long POLL_MS = 100;
    private static final long KEEP_ALIVE_MS = 15_000;

    private static final class Subscriber {
        final StoreAlerts.Scope scope;
        final SseEventSink sink;
        final Sse sse;
        long lastId;
        long lastSent = System.currentTimeMillis();

        Subscriber(StoreAlerts.Scope scope, SseEventSink sink, Sse sse, long lastId) {
            this.scope = scope;
            this.sink = sink;
            this.sse = sse;
            this.lastId = lastId;
        }
    }

    @Resource
    ManagedThreadFactory threads;
    @Inject
    StoreAlerts alerts;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService poller;

    void follow(StoreAlerts.Scope scope, SseEventSink sink, Sse sse, long afterId) {
        synchronized (this) {
            if (poller == null) {
                poller = Executors.newSingleThreadScheduledExecutor(threads);
                poller.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
            }
        }
        sink.send(sse.newEventBuilder().comment("following alerts after " + afterId).build());
        subscribers.add(new Subscriber(scope, sink, sse, afterId));
    }

    private void poll() {
        for (Subscriber s : subscribers) {
            if (s.sink.isClosed()) {
                subscribers.remove(s);
                continue;
            }
            try {
                List<Alert> fresh = alerts.after(s.scope, s.lastId);
                for (Alert a : fresh) {
                    s.sink.send(s.sse.newEventBuilder().id(Long.toString(a.id())).name("alert")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(InStoreJson.AlertBody.class, InStoreJson.AlertBody.of(a)).build());
                    s.lastId = a.id();
                    s.lastSent = System.currentTimeMillis();
                }
                if (System.currentTimeMillis() - s.lastSent > KEEP_ALIVE_MS) {
                    s.sink.send(s.sse.newEventBuilder().comment("keep-alive").build());
                    s.lastSent = System.currentTimeMillis();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "an alert stream ended", e);
                subscribers.remove(s);
                close(s);
            }
        }
    }

    private static void close(Subscriber s) {
        try {
            s.sink.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
        subscribers.forEach(AlertFeed::close);
    }
}
