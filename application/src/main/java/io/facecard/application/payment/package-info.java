/** Home of the payment context (next issue): the face-pay use cases (charge a face code or token, Stripe off-session charge after a step-up, refunds) and, in {@code .port}, the PaymentGateway port each provider adapter implements. Providers themselves live in adapters-out under {@code io.facecard.adapters.out.payment.<provider>}. */
package io.facecard.application.payment;
