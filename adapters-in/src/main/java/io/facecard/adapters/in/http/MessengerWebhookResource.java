package io.facecard.adapters.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecard.application.messaging.Channels;
import io.facecard.application.messaging.WechatCallbacks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The messengers' callbacks. No credential of ours: WeChat's is believed in safe mode only
 * ({@link WechatCallbacks}: fresh, unreplayed, signed over the ciphertext, decrypting to our appid),
 * Telegram's when its secret-token header is the one we set. Both answer at once (WeChat wants 5 s; "success" stops its retries); a callback that
 * does not verify changes nothing.
 */
@ApplicationScoped
@Path("/webhooks/{channel: wechat|telegram}/{account}")
public class MessengerWebhookResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Channels channels;
    @Inject
    WechatCallbacks wechat;

    /** WeChat's URL check when the account is configured: echo {@code echostr} if the signature verifies. */
    @GET
    public Response verify(@PathParam("channel") String channel, @PathParam("account") String account, @QueryParam("signature") String signature,
            @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        return channel.equals("wechat") && echostr != null
                && wechat.verifyUrl(account, new WechatCallbacks.Query(signature, timestamp, nonce, null, null)).isPresent()
                ? Response.ok(echostr, MediaType.TEXT_PLAIN).build() : Response.status(401).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("channel") String channel, @PathParam("account") String account,
            @QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce,
            @QueryParam("encrypt_type") String encryptType, @QueryParam("msg_signature") String msgSignature,
            @HeaderParam("X-Telegram-Bot-Api-Secret-Token") String secret, byte[] body) {
        return channel.equals("wechat")
                ? wechat(account, new WechatCallbacks.Query(signature, timestamp, nonce, encryptType, msgSignature), body)
                : telegram(account, secret, body);
    }

    private Response wechat(String account, WechatCallbacks.Query query, byte[] body) {
        var push = wechat.open(account, query, body == null ? "" : new String(body, StandardCharsets.UTF_8));
        if (push.isEmpty()) {
            return Response.status(401).build();
        }
        channels.wechatEvent(push.get().tenant(), push.get().xml());
        return Response.ok("success", MediaType.TEXT_PLAIN).build();
    }

    private Response telegram(String account, String secret, byte[] body) {
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
