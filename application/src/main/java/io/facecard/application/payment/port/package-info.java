/** Ports of the payment context: the tenants' provider accounts (and, next, the PaymentGateway each provider adapter implements). */
package io.facecard.application.payment.port;
