package io.facecard.adapters.inbound.messaging;

import io.facecard.adapters.inbound.http.Anonymous;
import io.facecard.application.messaging.Channels;
import io.facecard.application.messaging.WechatCallbacks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * An official account's callback. No credential of ours: a push is believed in safe mode only
 * ({@link WechatCallbacks}: fresh, unreplayed, signed over the ciphertext, decrypting to our appid).
 * It answers at once (WeChat wants 5 s; "success" stops its retries); one that does not verify changes nothing.
 */
@ApplicationScoped
@Anonymous
@Path("/webhooks/wechat/{account}")
public class WechatWebhookResource {
    @Inject
    Channels channels;
    @Inject
    WechatCallbacks wechat;

    /** WeChat's URL check when the account is configured: echo {@code echostr} if the signature verifies. */
    @GET
    public Response verify(@PathParam("account") String account, @QueryParam("signature") String signature,
            @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        return echostr != null && wechat.verifyUrl(account, new WechatCallbacks.Query(signature, timestamp, nonce, null, null)).isPresent()
                ? Response.ok(echostr, MediaType.TEXT_PLAIN).build() : Response.status(401).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("account") String account, @QueryParam("signature") String signature,
            @QueryParam("timestamp") String timestamp, @QueryParam("nonce") String nonce, @QueryParam("encrypt_type") String encryptType,
            @QueryParam("msg_signature") String msgSignature, byte[] body) {
        var push = wechat.open(account, new WechatCallbacks.Query(signature, timestamp, nonce, encryptType, msgSignature),
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
        if (push.isEmpty()) {
            return Response.status(401).build();
        }
        channels.wechatEvent(push.get().tenant(), push.get().xml());
        return Response.ok("success", MediaType.TEXT_PLAIN).build();
    }
}
