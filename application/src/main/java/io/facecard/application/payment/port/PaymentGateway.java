package io.facecard.application.payment.port;

import io.facecard.domain.payment.PaymentProvider;

/**
 * Port out: one payment provider's rail. Every call carries an idempotency key derived from the
 * payment (never random per attempt), so a retry after a timeout or a crash reaches the provider as
 * the same request and money moves once. {@code UNKNOWN} is an answer, not an error: the provider
 * may or may not have acted, and the payment must be queried (or reversed) before anyone retries
 * with a new key.
 */
public interface PaymentGateway {
    PaymentProvider provider();

    Result charge(Charge charge);

    Result refund(Refund refund);

    enum Status { SUCCEEDED, PENDING, FAILED, UNKNOWN }

    /**
     * Our own reasons, the same for every rail (the providers' own codes pass through as they are): no answer in
     * time (a timeout or a closed connection: the outcome is unknown and will be queried), an answer whose
     * signature did not verify, an answer that could not be read.
     */
    String NO_ANSWER = "PROVIDER_NO_ANSWER";
    String UNVERIFIED_ANSWER = "PROVIDER_ANSWER_UNVERIFIED";
    String MALFORMED_ANSWER = "PROVIDER_ANSWER_MALFORMED";

    /**
     * A rail whose charge can stay open (WeChat Pay's {@code USERPAYING}, Alipay's {@code 10003}): its
     * outcome is polled by our reference, and a charge that never resolves is reversed. Stripe's
     * confirmed PaymentIntent answers at once, and a retry under the same key answers the same.
     */
    interface Polling extends PaymentGateway {
        Result query(ProviderAccounts.Account account, String reference);

        /** Cancels an unpaid charge, or refunds one that went through in the meantime: after it, no money has moved. */
        Result reverse(ProviderAccounts.Account account, String reference);
    }

    /**
     * @param account the tenant's account at the provider (sub-merchant, connected account)
     * @param amountMinor in the currency's minor units
     * @param credential what pays: a face-pay code from the provider's device, or a saved payment method
     * @param customer the provider's customer of a saved payment method, else null
     */
    record Charge(ProviderAccounts.Account account, String reference, long amountMinor, String currency, String credential,
            String customer, String idempotencyKey) {
        /** Never the credential, so a charge in a log line leaks no payment code. */
        @Override
        public String toString() {
            return "Charge[" + account.provider() + ", " + reference + ", " + amountMinor + " " + currency + "]";
        }
    }

    /**
     * @param reference our number of the charge (out_trade_no)
     * @param providerReference the provider's id of the charge
     * @param idempotencyKey our number of the refund (out_refund_no, out_request_no, Stripe's Idempotency-Key): it refunds once
     * @param totalMinor what the charge was for (WeChat Pay wants it with every refund)
     */
    record Refund(ProviderAccounts.Account account, String reference, String providerReference, long amountMinor, long totalMinor,
            String currency, String idempotencyKey) {
        public Refund(ProviderAccounts.Account account, String providerReference, long amountMinor, String idempotencyKey) {
            this(account, null, providerReference, amountMinor, amountMinor, null, idempotencyKey);
        }
    }

    /**
     * @param providerReference the provider's id of the charge or refund, when it gave one
     * @param reason the provider's code for a failure (card_declined, authentication_required, …)
     * @param payer the payer's id at the provider when it gives one (WeChat's openid), else null
     */
    record Result(Status status, String providerReference, String reason, String payer) {
        public Result(Status status, String providerReference, String reason) {
            this(status, providerReference, reason, null);
        }
    }
}
