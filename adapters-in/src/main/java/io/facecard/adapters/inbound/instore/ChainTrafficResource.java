package io.facecard.adapters.inbound.instore;

import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.instore.StoreTraffic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The whole chain's traffic: every store summed, days in the tenant's zone (chain-wide accounts only). */
@ApplicationScoped
@Path("/traffic")
@Produces(MediaType.APPLICATION_JSON)
public class ChainTrafficResource {
    @Inject
    StoreTraffic traffic;
    @Inject
    CurrentCaller caller;

    @GET
    public TrafficJson.Report report(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("by") String by) {
        return TrafficResource.build(traffic, caller.get(), null, from, to, by);
    }
}
