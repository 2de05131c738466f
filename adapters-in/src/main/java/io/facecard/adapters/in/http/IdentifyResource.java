package io.facecard.adapters.in.http;

import io.facecard.application.membership.Faces;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** 1:N identification at the till: by face, or by card or phone as the fallback. */
@ApplicationScoped
@Path("/identify")
@Produces(MediaType.APPLICATION_JSON)
public class IdentifyResource {
    @Inject
    Faces faces;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes({"image/jpeg", "image/png"})
    public MemberJson.Identified byFace(byte[] image) {
        var caller = this.caller.get();
        long t0 = System.nanoTime();
        Faces.Identification i = faces.identify(caller, image);
        return MemberJson.Identified.of(i, (System.nanoTime() - t0) / 1_000_000);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberJson.Identified byIdentifier(MemberJson.IdentifierProbe probe) {
        var caller = this.caller.get();
        MemberJson.IdentifierProbe p = Bodies.required(probe);
        long t0 = System.nanoTime();
        if ((p.cardNumber() == null) == (p.phone() == null)) {
            throw Refusal.invalid("send exactly one of 'cardNumber' or 'phone'");
        }
        Faces.Identification i = p.cardNumber() != null
                ? faces.identifyBy(caller, "cardNumber", p.cardNumber())
                : faces.identifyBy(caller, "phone", p.phone());
        return MemberJson.Identified.of(i, (System.nanoTime() - t0) / 1_000_000);
    }
}
