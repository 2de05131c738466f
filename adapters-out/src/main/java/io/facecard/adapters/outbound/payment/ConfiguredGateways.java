package io.facecard.adapters.outbound.payment;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import io.facecard.adapters.outbound.payment.alipay.AlipayGateway;
import io.facecard.adapters.outbound.payment.stripe.StripeCards;
import io.facecard.adapters.outbound.payment.stripe.StripeGateway;
import io.facecard.adapters.outbound.payment.wechat.WechatFaceAuth;
import io.facecard.adapters.outbound.payment.wechat.WechatPayGateway;
import io.facecard.adapters.outbound.platform.SandboxConfig;
import io.facecard.adapters.outbound.telemetry.ProviderSpans;
import io.facecard.application.payment.port.CardVault;
import io.facecard.application.payment.port.NotificationVerifier;
import io.facecard.application.payment.port.PaymentGateway;
import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.WechatFaceDevices;
import io.facecard.domain.payment.PaymentProvider;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The platform's rails. With {@code facecard.sandbox} on (the default; {@code FACECARD_SANDBOX=false}
 * in production), the hosts and keys come from the sandbox's {@code sandbox.properties}, re-read
 * whenever the sandbox rewrites it; live, from configuration ({@code facecard.stripe.secret-key},
 * {@code facecard.alipay.gateway}, …), with the providers' real hosts as defaults. Provider hosts
 * are never tenant input. A rail without keys is absent: its payments are refused as not configured.
 */
@ApplicationScoped
public class ConfiguredGateways implements PaymentGateways {
    private static final Logger LOG = Logger.getLogger(ConfiguredGateways.class.getName());
    /** A live rail's answer to a charge may take seconds; past this the till is told PENDING and the charge is queried. */
    private static final int LIVE_READ_TIMEOUT_MS = 8_000;

    private record Rails(Map<PaymentProvider, PaymentGateway> gateways, CardVault cards, WechatFaceDevices faceDevices,
            NotificationVerifier notifications, String alipayAppId, FileTime version) {}

    @Inject
    SandboxConfig source;
    @Inject
    Instance<OpenTelemetry> telemetry;

    private volatile Rails rails;

    @Override
    public boolean sandbox() {
        return source.sandbox();
    }

    @Override
    public Optional<PaymentGateway> of(PaymentProvider provider) {
        return Optional.ofNullable(rails().gateways().get(provider));
    }

    @Override
    public Optional<CardVault> cards() {
        return Optional.ofNullable(rails().cards());
    }

    @Override
    public Optional<WechatFaceDevices> wechatFaceDevices() {
        return Optional.ofNullable(rails().faceDevices());
    }

    @Override
    public NotificationVerifier notifications() {
        return rails().notifications();
    }

    @Override
    public Optional<String> alipayAppId() {
        return Optional.ofNullable(rails().alipayAppId());
    }

    private Rails rails() {
        Rails r = rails;
        FileTime version = source.version();
        if (r == null || !r.version().equals(version)) {
            synchronized (this) {
                if (rails == null || !rails.version().equals(version)) {
                    rails = build(version);
                }
                r = rails;
            }
        }
        return r;
    }

    private Rails build(FileTime version) {
        Function<String, String> value = source.values();
        Map<PaymentProvider, PaymentGateway> gateways = new EnumMap<>(PaymentProvider.class);
        CardVault cards = null;
        // How long a charge waits for the provider before it answers PENDING (PROVIDER_NO_ANSWER) and is queried later.
        int readTimeout = Optional.ofNullable(value.apply("read-timeout-ms")).map(Integer::parseInt).orElse(LIVE_READ_TIMEOUT_MS);
        String stripeKey = value.apply("stripe.secret-key");
        if (stripeKey != null) {
            String base = Optional.ofNullable(value.apply("stripe.api-base")).orElse("https://api.stripe.com");
            gateways.put(PaymentProvider.STRIPE, new StripeGateway(stripeKey, base));
            cards = new StripeCards(stripeKey, base);
        }
        String alipayKey = value.apply("alipay.app-private-key");
        if (alipayKey != null) {
            gateways.put(PaymentProvider.ALIPAY, new AlipayGateway(
                    Optional.ofNullable(value.apply("alipay.gateway")).orElse("https://openapi.alipay.com/gateway.do"),
                    value.apply("alipay.app-id"), alipayKey, value.apply("alipay.public-key"), readTimeout));
        }
        WechatFaceDevices faceDevices = null;
        RSAPublicKeyConfig wechatConfig = null;
        String wechatKey = value.apply("wechat.merchant-private-key");
        if (wechatKey != null) {
            wechatConfig = new RSAPublicKeyConfig.Builder().merchantId(value.apply("wechat.sp-mchid"))
                    .merchantSerialNumber(value.apply("wechat.merchant-serial")).privateKey(wechatKey)
                    .publicKeyId(value.apply("wechat.public-key-id")).publicKey(value.apply("wechat.public-key"))
                    .apiV3Key(value.apply("wechat.apiv3-key")).build();
            gateways.put(PaymentProvider.WECHAT_PAY, new WechatPayGateway(
                    Optional.ofNullable(value.apply("wechat.api-base")).orElse("https://api.mch.weixin.qq.com"),
                    value.apply("wechat.sp-mchid"), value.apply("wechat.sp-appid"), value.apply("wechat.merchant-serial"), wechatKey,
                    value.apply("wechat.public-key-id"), value.apply("wechat.public-key"), value.apply("wechat.apiv3-key"), readTimeout));
            faceDevices = new WechatFaceAuth(Optional.ofNullable(value.apply("wechat.face-authinfo-url"))
                    .orElse("https://payapp.weixin.qq.com/face/get_wxpayface_authinfo"), value.apply("wechat.sp-appid"),
                    value.apply("wechat.sp-mchid"), value.apply("wechat.v2-key"), Clock.systemUTC());
        }
 Tracer tracer = (telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop()).getTracer("io.facecard.providers");
        gateways.replaceAll((provider, gateway) -> ProviderSpans.traced(gateway, provider.name(), tracer));
        LOG.info("payment rails " + (sandbox() ? "(sandbox)" : "(live)") + ": " + gateways.keySet());
        NotificationVerifier notifications = new ProviderNotifications(value.apply("stripe.webhook-secret"),
                alipayKey == null ? null : value.apply("alipay.public-key"), wechatConfig, Clock.systemUTC());
        return new Rails(gateways, cards, faceDevices, notifications, alipayKey == null ? null : value.apply("alipay.app-id"), version);
    }
}
