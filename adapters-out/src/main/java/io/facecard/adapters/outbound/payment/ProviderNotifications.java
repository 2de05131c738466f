package io.facecard.adapters.outbound.payment;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import io.facecard.adapters.outbound.payment.stripe.StripeWebhooks;
import io.facecard.application.payment.port.NotificationVerifier;
import io.facecard.domain.payment.PaymentProvider;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies each provider's notifications over the raw body with the platform's keys: Stripe's
 * {@code Stripe-Signature} (300 s tolerance), Alipay's RSA2 over the sorted parameters without
 * {@code sign} and {@code sign_type}, WeChat Pay's signature over {@code timestamp\nnonce\nbody\n}
 * (within 5 minutes) whose resource is decrypted with AEAD_AES_256_GCM under the APIv3 key.
 */
final class ProviderNotifications implements NotificationVerifier {
    static final long WECHAT_TOLERANCE_SECONDS = 300;
    private final StripeWebhooks stripe;
    private final String alipayPublicKey;
    private final NotificationParser wechat;
    private final Clock clock;

    /** Any argument may be null: that provider's notifications are then all rejected. */
    ProviderNotifications(String stripeSecret, String alipayPublicKey, RSAPublicKeyConfig wechat, Clock clock) {
        this.stripe = stripeSecret == null ? null : new StripeWebhooks(stripeSecret);
        this.alipayPublicKey = alipayPublicKey;
        this.wechat = wechat == null ? null : new NotificationParser(wechat);
        this.clock = clock;
    }

    @Override
    public Verified verify(PaymentProvider provider, Map<String, String> headers, byte[] body) {
        String raw = new String(body, StandardCharsets.UTF_8);
        return switch (provider) {
            case STRIPE -> stripe(headers, raw);
            case ALIPAY -> alipay(raw);
            case WECHAT_PAY -> wechat(headers, raw);
        };
    }

    private Verified stripe(Map<String, String> headers, String raw) {
        if (stripe == null) {
            throw new Rejected("stripe-not-configured");
        }
        Event e = stripe.verified(raw, headers.get("stripe-signature")).orElseThrow(() -> new Rejected("bad-signature"));
        if (e.getId() == null || e.getType() == null) {
            throw new Rejected("incomplete-event");
        }
        String reference = null;
        long amount = -1;
        if (e.getType().startsWith("payment_intent.")) {
            Object object;
            try {
                object = e.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException | RuntimeException bad) { // no or odd "data"
                throw new Rejected("unreadable-object");
            }
            if (object instanceof PaymentIntent pi) {
                reference = pi.getMetadata() == null ? null : pi.getMetadata().get("facecard_reference");
                amount = pi.getAmount() == null ? -1 : pi.getAmount();
            }
        }
        return new Verified(e.getId(), e.getType(), reference, amount, null, null);
    }

    private Verified alipay(String raw) {
        if (alipayPublicKey == null) {
            throw new Rejected("alipay-not-configured");
        }
        Map<String, String> p = new TreeMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    p.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException bad) { // "%zz": not a form Alipay sends
                    throw new Rejected("unreadable-body");
                }
            }
        }
        try {
            if (p.get("sign") == null || !AlipaySignature.rsaCheckV1(p, alipayPublicKey, "UTF-8", "RSA2")) {
                throw new Rejected("bad-signature");
            }
        } catch (AlipayApiException e) {
            throw new Rejected("bad-signature");
        }
        long amount;
        try {
            amount = new BigDecimal(p.getOrDefault("total_amount", "-0.01")).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Rejected("bad-amount");
        }
        if (p.get("notify_id") == null) {
            throw new Rejected("no-notify-id");
        }
        return new Verified(p.get("notify_id"), p.getOrDefault("trade_status", p.get("notify_type")), p.get("out_trade_no"), amount,
                p.get("seller_id"), p.get("app_id"));
    }

    private Verified wechat(Map<String, String> headers, String raw) {
        if (wechat == null) {
            throw new Rejected("wechat-not-configured");
        }
        String timestamp = headers.get("wechatpay-timestamp");
        try {
            if (timestamp == null || Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > WECHAT_TOLERANCE_SECONDS) {
                throw new Rejected("stale");
            }
        } catch (NumberFormatException e) {
            throw new Rejected("stale");
        }
        JsonObject resource;
        try {
            resource = wechat.parse(new RequestParam.Builder().serialNumber(headers.get("wechatpay-serial")).nonce(headers.get("wechatpay-nonce"))
                    .signature(headers.get("wechatpay-signature")).timestamp(timestamp)
                    .signType(headers.getOrDefault("wechatpay-signature-type", "WECHATPAY2-SHA256-RSA2048")).body(raw).build(),
                    JsonObject.class);
        } catch (RuntimeException e) {
            throw new Rejected("bad-signature");
        }
        try {
            JsonObject envelope = JsonParser.parseString(raw).getAsJsonObject();
            String kind = envelope.has("event_type") ? envelope.get("event_type").getAsString() : "unknown";
            String reference = resource.has("out_trade_no") ? resource.get("out_trade_no").getAsString() : null;
            long amount = -1;
            if (kind.startsWith("TRANSACTION") && resource.has("amount") && resource.getAsJsonObject("amount").has("total")) {
                amount = resource.getAsJsonObject("amount").get("total").getAsLong();
            }
            if (!envelope.has("id")) {
                throw new Rejected("incomplete-event");
            }
            return new Verified(envelope.get("id").getAsString(), kind, reference, amount, null, null);
        } catch (RuntimeException unreadable) { // signed, yet not the envelope WeChat Pay sends
            throw unreadable instanceof Rejected r ? r : new Rejected("unreadable-body");
        }
    }
}
