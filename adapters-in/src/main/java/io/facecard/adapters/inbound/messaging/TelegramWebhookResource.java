package io.facecard.adapters.inbound.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.adapters.inbound.http.Anonymous;
import io.facecard.application.messaging.Channels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** A Telegram bot's webhook: believed when its secret-token header is the one we set with setWebhook. */
@ApplicationScoped
@Anonymous
@Path("/webhooks/telegram/{account}")
public class TelegramWebhookResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Channels channels;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("account") String account, @HeaderParam("X-Telegram-Bot-Api-Secret-Token") String secret, byte[] body) {
        var tenant = channels.verifyTelegram(account, secret);
        if (tenant.isEmpty()) {
            return Response.status(401).build();
        }
        try {
            JsonNode u = JSON.readTree(body == null ? new byte[0] : body);
            JsonNode m = u.path("message");
            channels.telegramUpdate(tenant.get(), u.path("update_id").asLong(), m.path("chat").path("id").asText(null), m.path("text").asText(null));
        } catch (IOException e) {
            return Response.status(400).build(); // not an update: Telegram sends none such
        }
        return Response.ok().build();
    }
}
