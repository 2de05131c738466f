package io.facecard.adapters.inbound.biometrics;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.http.FrameBodies;
import io.facecard.adapters.inbound.membership.MemberJson;
import io.facecard.application.membership.Faces;
import io.facecard.application.membership.port.Identification;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** 1:N identification at the till: by face (confirmed by phone digits when unsure), or by card or phone as the fallback. */
@ApplicationScoped
@Path("/identify")
@Produces(MediaType.APPLICATION_JSON)
public class IdentifyResource {
    @Inject
    Faces faces;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes({"image/jpeg", "image/png", "image/webp"})
    public MemberJson.Identified byFace(byte[] image) {
        var caller = this.caller.get();
        long t0 = System.nanoTime();
        Identification i = faces.identify(caller, image);
        return MemberJson.Identified.of(i, (System.nanoTime() - t0) / 1_000_000);
    }

    /** A burst of up to five frames of one customer, one image part each. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public MemberJson.Identified byFrames(List<EntityPart> parts) {
        var caller = this.caller.get();
        List<byte[]> frames = FrameBodies.parts(parts);
        long t0 = System.nanoTime();
        return MemberJson.Identified.of(faces.identify(caller, frames), (System.nanoTime() - t0) / 1_000_000);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberJson.Identified byIdentifier(MemberJson.IdentifierProbe probe) {
        var caller = this.caller.get();
        MemberJson.IdentifierProbe p = Bodies.required(probe);
        long t0 = System.nanoTime();
        int given = (p.cardNumber() == null ? 0 : 1) + (p.phone() == null ? 0 : 1) + (p.candidateToken() == null ? 0 : 1)
                + (p.frames() == null ? 0 : 1);
        if (given != 1) {
            throw Refusal.invalid("send exactly one of 'frames', 'cardNumber', 'phone' or 'candidateToken' (with 'phoneLast4')");
        }
        Identification i = p.frames() != null ? faces.identify(caller, FrameBodies.decode(p.frames(), "frames"))
                : p.candidateToken() != null ? faces.confirm(caller, p.candidateToken(), p.phoneLast4())
                : p.cardNumber() != null ? faces.identifyBy(caller, "cardNumber", p.cardNumber())
                : faces.identifyBy(caller, "phone", p.phone());
        return MemberJson.Identified.of(i, (System.nanoTime() - t0) / 1_000_000);
    }
}
