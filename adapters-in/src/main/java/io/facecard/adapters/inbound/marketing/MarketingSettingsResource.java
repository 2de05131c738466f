package io.facecard.adapters.inbound.marketing;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.marketing.delivery.MarketingSettings;
import io.facecard.marketing.port.MarketingTerms.Terms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A tenant's marketing rules: quiet hours, the frequency cap across campaigns, the points-expiring notice's lead time. */
@ApplicationScoped
@Path("/marketing-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MarketingSettingsResource {
    @Inject
    MarketingSettings settings;
    @Inject
    CurrentCaller caller;

    /** Times as HH:mm, as they are set. */
    public record Body(String quietFrom, String quietUntil, int maxPerWindow, int windowDays, int pointsExpiringDays) {
        static Body of(Terms t) {
            return new Body(t.quietFrom().toString(), t.quietUntil().toString(), t.maxPerWindow(), t.windowDays(), t.pointsExpiringDays());
        }
    }

    @GET
    public Body get() {
        return Body.of(settings.get(caller.get()));
    }

    @PATCH
    public Body change(MarketingSettings.Change body) {
        var c = caller.get();
        return Body.of(settings.change(c, Bodies.required(body)));
    }
}
