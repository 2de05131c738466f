package io.facecard.adapters.inbound.tenancy;

import io.facecard.adapters.inbound.http.Anonymous;
import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.ClientAddress;
import io.facecard.adapters.inbound.http.Json;
import io.facecard.tenants.tenancy.Authentication;
import io.facecard.tenants.tenancy.port.AccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@ApplicationScoped
@Anonymous
@Path("/auth/token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    @Inject
    Authentication authentication;
    @Inject
    ClientAddress address;

    @POST
    public Response token(Json.Credentials credentials, @Context HttpServletRequest request) {
        Json.Credentials c = Bodies.required(credentials);
        AccessTokens.IssuedToken t = authentication.login(
                new Authentication.Login(c.tenant(), c.username(), c.password(), address.of(request)));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new Json.Token(t.accessToken(), "Bearer", t.expiresInSeconds())).cacheControl(noStore).build();
    }
}
