package io.facecard.application.payment.port;

import io.facecard.domain.payment.PaymentProvider;
import java.util.Optional;

/** Port out: the platform's configured rails (sandbox fakes or the live hosts); a rail without platform keys is absent. */
public interface PaymentGateways {
    Optional<PaymentGateway> of(PaymentProvider provider);

    /** The Stripe side of saved cards, when Stripe is configured. */
    Optional<CardVault> cards();

    /** WeChat's face devices' authinfo (API v2), when WeChat Pay is configured. */
    Optional<WechatFaceDevices> wechatFaceDevices();

    /** Verifies providers' notifications under the platform's keys. */
    NotificationVerifier notifications();

    /** The platform's app at Alipay (notifications must name it). */
    Optional<String> alipayAppId();

    /** True when the platform talks to the local fakes, not the providers' live hosts. */
    boolean sandbox();
}
