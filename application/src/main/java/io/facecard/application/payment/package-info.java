/**
 * The payment context's use cases: face-pay charges (a face code or token, Stripe off-session after a step-up), the
 * worker that queries, reverses and refunds, and provider accounts. Its ports ({@code .port}) include the
 * PaymentGateway each provider adapter implements under {@code io.facecard.adapters.outbound.payment.<provider>}.
 */
package io.facecard.application.payment;
