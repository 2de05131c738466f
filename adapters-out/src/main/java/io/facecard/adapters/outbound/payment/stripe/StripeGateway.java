package io.facecard.adapters.outbound.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.facecard.application.payment.port.PaymentGateway;
import io.facecard.domain.payment.PaymentProvider;

/**
 * Stripe Connect on stripe-java: the platform's secret key, each tenant a connected account
 * ({@code Stripe-Account}); a till charge is an off-session PaymentIntent confirmed at once with
 * the member's saved card. Stripe keeps an idempotency key 24 h, so the SDK's own network retries
 * and the platform's later ones are the same request.
 */
public final class StripeGateway implements PaymentGateway {
    private final StripeClient client;

    /** @param apiBase Stripe's host, or the sandbox's fake */
    public StripeGateway(String secretKey, String apiBase) {
        this(client(secretKey, apiBase));
    }

    StripeGateway(StripeClient client) {
        this.client = client;
    }

    /** Short timeouts: a till waits on the charge, and an unanswered call is an UNKNOWN the same key resolves later. */
    static StripeClient client(String secretKey, String apiBase) {
        return StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase).setMaxNetworkRetries(2).setConnectTimeout(3_000)
                .setReadTimeout(8_000).build();
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.STRIPE;
    }

    @Override
    public Result charge(Charge c) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(c.amountMinor()).setCurrency(c.currency().toLowerCase())
                .setCustomer(c.customer()).setPaymentMethod(c.credential())
                .setOffSession(true).setConfirm(true)
                .putMetadata("facecard_reference", c.reference())
                .build();
        try {
            PaymentIntent pi = client.paymentIntents().create(params, options(c.account(), c.idempotencyKey()));
            return switch (pi.getStatus()) {
                case "succeeded" -> new Result(Status.SUCCEEDED, pi.getId(), null);
                case "processing" -> new Result(Status.PENDING, pi.getId(), null);
                default -> new Result(Status.FAILED, pi.getId(), pi.getStatus());
            };
        } catch (CardException e) {
            // authentication_required: the customer must choose another method at the till.
            return new Result(Status.FAILED, e.getStripeError() == null || e.getStripeError().getPaymentIntent() == null ? null
                    : e.getStripeError().getPaymentIntent().getId(), e.getCode());
        } catch (ApiConnectionException e) {
            return new Result(Status.UNKNOWN, null, "connection");
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            // 409: the first request under this key is still running at Stripe; its outcome is what counts.
            return status != null && (status >= 500 || status == 409) ? new Result(Status.UNKNOWN, null, "provider-" + status)
                    : new Result(Status.FAILED, null, reason(e));
        }
    }

    @Override
    public Result refund(Refund r) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(r.providerReference()).setAmount(r.amountMinor()).build();
        try {
            com.stripe.model.Refund refund = client.refunds().create(params, options(r.account(), r.idempotencyKey()));
            return new Result("succeeded".equals(refund.getStatus()) ? Status.SUCCEEDED : Status.PENDING, refund.getId(), null);
        } catch (ApiConnectionException e) {
            return new Result(Status.UNKNOWN, null, "connection");
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            return status != null && status >= 500 ? new Result(Status.UNKNOWN, null, "provider-" + status)
                    : new Result(Status.FAILED, null, reason(e));
        }
    }

    /** Stripe's error code, else its error type (an idempotency error has only a type). */
    private static String reason(StripeException e) {
        if (e.getCode() != null) {
            return e.getCode();
        }
        return e.getStripeError() != null && e.getStripeError().getType() != null ? e.getStripeError().getType() : "invalid-request";
    }

    static RequestOptions options(io.facecard.application.payment.port.ProviderAccounts.Account account, String key) {
        return RequestOptions.builder().setIdempotencyKey(key).setStripeAccount(account.settings().get("connectedAccountId")).build();
    }
}
