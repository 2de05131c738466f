package io.facecard.adapters.inbound.loyalty;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.loyalty.ProgramSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A tenant's earning rules and tiers. */
@ApplicationScoped
@Path("/loyalty/program")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoyaltyProgramResource {
    @Inject
    ProgramSettings programs;
    @Inject
    CurrentCaller caller;

    @GET
    public LoyaltyJson.ProgramBody get() {
        return LoyaltyJson.ProgramBody.of(programs.get(caller.get()));
    }

    @PUT
    public LoyaltyJson.ProgramBody put(LoyaltyJson.ProgramBody body) {
        return LoyaltyJson.ProgramBody.of(programs.put(caller.get(), Bodies.required(body).draft()));
    }
}
