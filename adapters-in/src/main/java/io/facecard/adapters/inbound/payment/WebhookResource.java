package io.facecard.adapters.inbound.payment;

import io.facecard.adapters.inbound.http.Anonymous;
import io.facecard.application.payment.Notifications;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Providers' notifications. No credential: the provider cannot hold one of ours; the raw body is
 * kept as sent (signatures are over it) and believed only once its signature verifies. Each is
 * answered as its provider expects: Stripe 2xx, Alipay the text {@code success}, WeChat Pay 200;
 * a rejected one gets the provider's "failed" answer (Stripe 400, Alipay {@code fail}, WeChat 401).
 */
@ApplicationScoped
@Anonymous
@Path("/webhooks/{provider}/{account}")
public class WebhookResource {
    @Inject
    Notifications notifications;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@PathParam("provider") String provider, @PathParam("account") String account, @Context HttpHeaders headers,
            byte[] body) {
        PaymentProvider p = provider(provider);
        Map<String, String> h = new TreeMap<>();
        headers.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        Notifications.Outcome o = notifications.receive(p, account, h, body == null ? new byte[0] : body);
        boolean ok = o != Notifications.Outcome.REJECTED;
        return switch (p) {
            case STRIPE -> Response.status(ok ? 200 : 400).type(MediaType.APPLICATION_JSON).entity(ok ? "{\"received\":true}"
                    : "{\"error\":\"rejected\"}").build();
            case ALIPAY -> Response.ok(ok ? "success" : "fail", MediaType.TEXT_PLAIN).build();
            case WECHAT_PAY -> ok ? Response.ok().build() : Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity("{\"code\":\"FAIL\",\"message\":\"rejected\"}").build();
        };
    }

    private static PaymentProvider provider(String path) {
        return switch (path) {
            case "stripe" -> PaymentProvider.STRIPE;
            case "alipay" -> PaymentProvider.ALIPAY;
            case "wechat_pay", "wechat-pay", "wechatpay" -> PaymentProvider.WECHAT_PAY;
            default -> throw Refusal.notFound("webhook " + path);
        };
    }
}
