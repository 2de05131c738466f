package io.facecard.adapters.inbound.messaging;

import io.facecard.adapters.inbound.http.Bodies;
import io.facecard.adapters.inbound.http.CurrentCaller;
import io.facecard.marketing.delivery.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A tenant's texts of service notices per kind (RECEIPT, REFUND, POINTS_EXPIRING, WELCOME) and channel. */
@ApplicationScoped
@Path("/notice-templates/{kind}/{channel}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class NoticeTemplateResource {
    /** {@code value}: the default texts; {@code localized}: per locale ("ru", "zh-CN"). */
    public record Body(String templateId, Templates.Texts value, Map<String, Templates.Texts> localized) {}

    @Inject
    Templates templates;
    @Inject
    CurrentCaller caller;

    @GET
    public Templates.View get(@PathParam("kind") String kind, @PathParam("channel") String channel) {
        return templates.get(caller.get(), kind, channel);
    }

    @PUT
    public Templates.View put(@PathParam("kind") String kind, @PathParam("channel") String channel, Body body) {
        var c = caller.get();
        Body b = Bodies.required(body);
        return templates.put(c, kind, channel, b.templateId(), b.value(), b.localized());
    }
}
