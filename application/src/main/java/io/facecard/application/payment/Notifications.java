package io.facecard.application.payment;

import io.facecard.application.payment.port.NotificationVerifier.Verified;
import io.facecard.application.payment.port.NotificationVerifier;
import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.Payments;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Providers' notifications at {@code /webhooks/{provider}/{account}}. The account id is opaque and
 * trusted only once the signature verifies; then the notification is recorded once per event id
 * (providers deliver at least once), checked against our records (the payment, its amount, Alipay's
 * seller and app), and only makes the payment's next step due now: the worker then asks the
 * provider itself, so no notification, however well signed, settles a payment on its own say-so.
 * A forged, stale, replayed or mismatched one changes nothing and is recorded as rejected.
 */
@ApplicationScoped
@Transactional
public class Notifications {
    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    /** What the notification table keeps of an event's id and kind (its columns' sizes). */
    static final int MAX_EVENT_ID = 128;
    static final int MAX_KIND = 120;

    private ProviderAccounts accounts;
    private PaymentGateways gateways;
    private Payments payments;
    private Clock clock;
    private final RejectionLog rejections = new RejectionLog();

    protected Notifications() {}

    @Inject
    public Notifications(ProviderAccounts accounts, PaymentGateways gateways, Payments payments, Clock clock) {
        this.accounts = accounts;
        this.gateways = gateways;
        this.payments = payments;
        this.clock = clock;
    }

    public Outcome receive(PaymentProvider provider, String webhookId, Map<String, String> headers, byte[] body) {
        Optional<TenantId> tenant = webhookId == null || webhookId.length() > 64 ? Optional.empty()
                : accounts.byWebhook(provider, webhookId);
        if (tenant.isEmpty()) {
            return rejected(provider, null, "unknown-account");
        }
        Verified v;
        try {
            v = gateways.notifications().verify(provider, headers, body);
        } catch (NotificationVerifier.Rejected e) {
            return rejected(provider, tenant.get(), e.getMessage());
        }
        if (v.eventId() == null || v.eventId().isBlank() || v.eventId().length() > MAX_EVENT_ID
                || (v.kind() != null && v.kind().length() > MAX_KIND)) {
            return rejected(provider, tenant.get(), "malformed-event"); // signed, but not what the provider sends
        }
        String mismatch = mismatch(provider, tenant.get(), v);
        if (mismatch != null) {
            return rejected(provider, tenant.get(), mismatch);
        }
        if (!payments.recordNotification(provider.name(), v.eventId(), tenant.get(), Outcome.ACCEPTED.name(), v.kind(), clock.instant())) {
            return Outcome.DUPLICATE;
        }
        reference(v).ifPresent(id -> payments.dueNow(tenant.get(), id, clock.instant()));
        return Outcome.ACCEPTED;
    }

    /** What does not agree with our records, or null. A notification about something not ours (a setup, a refund) needs no payment. */
    private String mismatch(PaymentProvider provider, TenantId tenant, Verified v) {
        Optional<UUID> id = reference(v);
        if (v.reference() != null && id.isEmpty()) {
            return "unknown-reference";
        }
        if (id.isEmpty()) {
            return null;
        }
        var p = payments.find(tenant, id.get());
        if (p.isEmpty() || p.get().method().provider() != provider) {
            return "unknown-payment";
        }
        if (v.amountMinor() >= 0 && v.amountMinor() != PaymentRecords.minor(p.get().amount())) {
            return "amount-mismatch";
        }
        if (provider == PaymentProvider.ALIPAY) {
            String seller = accounts.find(tenant, provider).map(a -> a.settings().get("sellerId")).orElse(null);
            if (seller != null && !seller.equals(v.sellerId())) {
                return "seller-mismatch";
            }
            if (!gateways.alipayAppId().map(a -> a.equals(v.appId())).orElse(false)) {
                return "app-mismatch";
            }
        }
        return null;
    }

    /** Our reference is the payment id's 32 hex digits. */
    static Optional<UUID> reference(Verified v) {
        String r = v.reference();
        if (r == null || !r.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(r.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")));
    }

    private Outcome rejected(PaymentProvider provider, TenantId tenant, String reason) {
        String webhook = provider + ":" + (tenant == null ? "unknown" : tenant.value());
        if (rejections.record(webhook, clock.instant())) {
            LOG.warning(provider + " notification rejected: " + reason);
            payments.recordNotification(provider.name(), "rejected-" + UUID.randomUUID(), tenant, Outcome.REJECTED.name(), reason,
                    clock.instant());
        } else {
            LOG.fine(() -> provider + " notification rejected (" + reason + "), over " + RejectionLog.PER_MINUTE
                    + " a minute for this webhook: not recorded");
        }
        return Outcome.REJECTED;
    }
}
