package io.facecard.adapters.inbound.tenancy;

import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.Json;
import io.facecard.tenants.tenancy.TerminalManagement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Lets a terminal check its key and learn the store it is bound to. */
@ApplicationScoped
@Path("/terminals/me")
@Produces(MediaType.APPLICATION_JSON)
public class TerminalSelfResource {
    @Inject
    TerminalManagement terminals;
    @Inject
    CurrentCaller caller;

    @GET
    public Json.TerminalBody me() {
        return Json.TerminalBody.of(terminals.self(caller.get()), null);
    }
}
