package io.facecard.adapters.inbound.biometrics;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.adapters.inbound.membership.MemberJson;
import io.facecard.application.biometrics.port.FaceSettings;
import io.facecard.application.membership.Faces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A tenant admin's face-matching settings, and the thresholds its gallery's size makes of them. */
@ApplicationScoped
@Path("/face-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FaceSettingsResource {
    @Inject
    Faces faces;
    @Inject
    CurrentCaller caller;

    @GET
    public MemberJson.SettingsBody get() {
        return MemberJson.SettingsBody.of(faces.settings(caller.get()));
    }

    /** Every field is optional; one left out takes its default (a null {@code confidentThreshold} is derived). */
    @PUT
    public MemberJson.SettingsBody put(MemberJson.Settings body) {
        var caller = this.caller.get();
        MemberJson.Settings s = Bodies.required(body);
        FaceSettings d = FaceSettings.DEFAULT;
        return MemberJson.SettingsBody.of(faces.changeSettings(caller, new FaceSettings(
                s.matchThreshold() == null ? d.matchThreshold() : s.matchThreshold(),
                s.confidentThreshold(),
                s.ambiguityMargin() == null ? d.ambiguityMargin() : s.ambiguityMargin(),
                s.minFacePixels() == null ? d.minFacePixels() : s.minFacePixels(),
                s.falseAcceptsPer10k() == null ? d.falseAcceptsPer10k() : s.falseAcceptsPer10k(),
                s.livenessForLoyalty() == null ? d.livenessForLoyalty() : s.livenessForLoyalty(),
                s.livenessForPayments() == null ? d.livenessForPayments() : s.livenessForPayments(),
                s.minLiveness() == null ? d.minLiveness() : s.minLiveness(),
                s.refreshFromTill() == null ? d.refreshFromTill() : s.refreshFromTill())));
    }
}
