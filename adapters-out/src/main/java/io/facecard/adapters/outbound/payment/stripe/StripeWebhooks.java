package io.facecard.adapters.outbound.payment.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.util.Optional;

/**
 * Stripe's notifications, believed only once {@code Stripe-Signature} verifies over the raw body
 * (HMAC-SHA256 of "t.body" under the endpoint's signing secret) within 300 s of its timestamp: a
 * forged, altered or stale delivery is empty, and changes nothing. Stripe delivers at least once,
 * so the caller dedupes on the event id.
 */
public final class StripeWebhooks {
    static final long TOLERANCE_SECONDS = 300;
    private final String signingSecret;

    public StripeWebhooks(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    public Optional<Event> verified(String rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Webhook.constructEvent(rawBody, signatureHeader, signingSecret, TOLERANCE_SECONDS));
        } catch (SignatureVerificationException | RuntimeException e) {
            // A header like "t=abc,v1=zz" makes the SDK throw NumberFormatException, a body that is not an event a
            // JSON or Gson error: a caller's mistake (or a forgery) either way, never the server's.
            return Optional.empty();
        }
    }
}
