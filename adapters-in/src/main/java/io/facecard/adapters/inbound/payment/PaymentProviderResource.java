package io.facecard.adapters.inbound.payment;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.application.payment.PaymentProviders;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;

/** A tenant admin's account at each payment provider; secrets go in, only their fingerprints come out. */
@ApplicationScoped
@Path("/payment-providers/{provider}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentProviderResource {
    @Inject
    PaymentProviders providers;
    @Inject
    CurrentCaller caller;

    @PUT
    public PaymentProviders.View put(@PathParam("provider") String provider, Map<String, Object> body) {
        var c = caller.get();
        PaymentProvider p = provider(provider);
        Map<String, Object> b = Bodies.required(body);
        if (b.containsKey("sandbox")) {
            if (!Boolean.TRUE.equals(b.get("sandbox")) || b.size() != 1) {
                throw Refusal.invalid("'sandbox' takes true, alone: it fills the account with the local fakes' credentials");
            }
            return providers.putSandbox(c, p);
        }
        Map<String, String> fields = new TreeMap<>();
        b.forEach((k, v) -> {
            if (v != null && !(v instanceof String)) {
                throw Refusal.invalid("'" + k + "' must be a string");
            }
            fields.put(k, (String) v);
        });
        return providers.put(c, p, fields);
    }

    @GET
    public PaymentProviders.View get(@PathParam("provider") String provider) {
        var c = caller.get();
        return providers.get(c, provider(provider));
    }

    @DELETE
    public Response delete(@PathParam("provider") String provider) {
        var c = caller.get();
        providers.remove(c, provider(provider));
        return Response.noContent().build();
    }

    private static PaymentProvider provider(String name) {
        try {
            return PaymentProvider.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("payment provider " + name);
        }
    }
}
