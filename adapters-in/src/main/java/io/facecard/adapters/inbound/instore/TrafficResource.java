package io.facecard.adapters.inbound.instore;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.instore.StoreTraffic;
import io.facecard.application.instore.port.Footfall;
import io.facecard.application.security.Caller;
import io.facecard.application.instore.port.Visits.Visit;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** A store's traffic per hour, day or week: the dashboards' data (aggregates only). */
@ApplicationScoped
@Path("/stores/{storeId}/traffic")
@Produces(MediaType.APPLICATION_JSON)
public class TrafficResource {
    @Inject
    StoreTraffic traffic;
    @Inject
    CurrentCaller caller;

    @GET
    public TrafficJson.Report report(@PathParam("storeId") String store, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("by") String by) {
        return build(traffic, caller.get(), Bodies.id(store, "store"), from, to, by);
    }

    /** One store's report, or (store null) the whole chain's. */
    static TrafficJson.Report build(StoreTraffic traffic, Caller caller, UUID id, String from, String to, String by) {
        TrafficJson.Granularity g = TrafficJson.Granularity.parse(by);
        Instant start = instant(from, "from");
        Instant end = instant(to, "to");
        List<Footfall.Hour> hours = traffic.hours(caller, id, start, end);
        List<Visit> visits = traffic.visits(caller, id, start, end);
        return TrafficJson.Report.of(id, start, end, g, traffic.zone(caller, id), hours, visits);
    }

    static Instant instant(String raw, String what) {
        if (raw == null) {
            throw Refusal.invalid("'" + what + "' is required (an instant such as 2026-12-07T00:00:00Z)");
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'" + what + "' must be an instant such as 2026-12-07T00:00:00Z");
        }
    }
}
