/**
 * The payment context's outbound adapters: payments and settings in PostgreSQL, sealed provider accounts, and one
 * subpackage per provider (wechat, alipay, stripe) implementing the PaymentGateway port on the provider's official SDK.
 */
package io.facecard.adapters.outbound.payment;
