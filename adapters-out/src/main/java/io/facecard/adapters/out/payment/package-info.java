/** Home of the payment provider adapters (next issue): one subpackage per provider (wechat, alipay, stripe), each implementing the payment context's PaymentGateway port on the provider's official SDK. */
package io.facecard.adapters.out.payment;
