package io.facecard.application.payment.port;

import io.facecard.domain.payment.PaymentProvider;
import java.util.Map;

/**
 * Port out: a provider's notification, believed only once its signature verifies over the raw body
 * under the platform's keys (Stripe's endpoint secret, Alipay's public key, WeChat Pay's public
 * key, whose resource is then decrypted with the APIv3 key).
 */
public interface NotificationVerifier {
    /**
     * @param headers the request's headers, names in lower case
     * @return what the notification says, or throws {@link Rejected}
     */
    Verified verify(PaymentProvider provider, Map<String, String> headers, byte[] body);

    /**
     * @param eventId the provider's id of the notification (Stripe's event id, Alipay's notify_id, WeChat's id): duplicates share it
     * @param reference our out_trade_no (or Stripe's metadata), null when the notification is about no charge of ours
     * @param amountMinor what the provider says was paid, or -1 when it does not say
     * @param sellerId Alipay's seller_id, {@code appId} its app_id (null elsewhere)
     */
    record Verified(String eventId, String kind, String reference, long amountMinor, String sellerId, String appId) {}

    /** Forged, altered, stale or not understood: nothing changes. */
    final class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason);
        }
    }
}
