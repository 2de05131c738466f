package io.facecard.adapters.outbound.payment.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCancelModel;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.request.AlipayTradeCancelRequest;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeCancelResponse;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import io.facecard.application.payment.port.PaymentGateway;
import io.facecard.application.payment.port.ProviderAccounts.Account;
import io.facecard.domain.payment.PaymentProvider;
import java.math.BigDecimal;

/**
 * Alipay face-pay on alipay-sdk-java as an ISV: the platform's app signs every call (RSA2), each
 * tenant's {@code app_auth_token} says on whose behalf, and the SDK checks Alipay's signature on
 * every answer. {@code alipay.trade.pay} with {@code scene=security_code} charges the face token
 * from Alipay's certified device; {@code 10003} (waiting for the buyer) and {@code 20000} (unknown)
 * are not failures: the payment is queried, and cancelled if it never resolves.
 */
public final class AlipayGateway implements PaymentGateway.Polling {
    private final AlipayClient client;

    static {
        // The SDK logs every call's parameters, app_auth_token and face token included: never let it.
        AlipayLogger.setNeedEnableLogger(false);
    }

    /**
     * @param appPrivateKey the platform app's RSA private key, base64 PKCS#8 (configuration, never tenant input)
     * @param alipayPublicKey Alipay's public key, base64 X.509, that answers are verified with
     */
    public AlipayGateway(String gatewayUrl, String appId, String appPrivateKey, String alipayPublicKey, int readTimeoutMillis) {
        try {
            AlipayConfig config = new AlipayConfig();
            config.setServerUrl(gatewayUrl);
            config.setAppId(appId);
            config.setPrivateKey(appPrivateKey);
            config.setAlipayPublicKey(alipayPublicKey);
            config.setFormat("json");
            config.setCharset("UTF-8");
            config.setSignType("RSA2");
            config.setConnectTimeout(3000);
            config.setReadTimeout(readTimeoutMillis);
            this.client = new DefaultAlipayClient(config);
        } catch (AlipayApiException e) {
            throw new IllegalStateException("the Alipay client cannot be configured", e);
        }
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.ALIPAY;
    }

    @Override
    public Result charge(Charge c) {
        AlipayTradePayModel m = new AlipayTradePayModel();
        m.setOutTradeNo(c.reference());
        m.setScene("security_code");
        m.setAuthCode(c.credential());
        m.setProductCode("FACE_TO_FACE_PAYMENT");
        m.setSubject("Facecard " + c.reference());
        m.setTotalAmount(yuan(c.amountMinor()));
        AlipayTradePayRequest r = new AlipayTradePayRequest();
        r.setBizModel(m);
        AlipayTradePayResponse a = execute(r, c.account());
        if (a == null) {
            return new Result(Status.UNKNOWN, null, PaymentGateway.NO_ANSWER);
        }
        return switch (a.getCode()) {
            case "10000" -> new Result(Status.SUCCEEDED, a.getTradeNo(), null);
            case "10003" -> new Result(Status.PENDING, a.getTradeNo(), "WAIT_BUYER_PAY");
            case "20000" -> new Result(Status.UNKNOWN, null, a.getSubCode());
            default -> new Result(Status.FAILED, null, a.getSubCode() == null ? a.getCode() : a.getSubCode());
        };
    }

    @Override
    public Result query(Account account, String reference) {
        AlipayTradeQueryModel m = new AlipayTradeQueryModel();
        m.setOutTradeNo(reference);
        AlipayTradeQueryRequest r = new AlipayTradeQueryRequest();
        r.setBizModel(m);
        AlipayTradeQueryResponse a = execute(r, account);
        if (a == null) {
            return new Result(Status.UNKNOWN, null, PaymentGateway.NO_ANSWER);
        }
        if (!"10000".equals(a.getCode())) {
            // ACQ.TRADE_NOT_EXIST is not a failure either: a charge still on its way may yet arrive. The trade is
            // queried until its window ends and then cancelled, which closes the number for good.
            return new Result(Status.UNKNOWN, null, a.getSubCode());
        }
        return switch (a.getTradeStatus()) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> new Result(Status.SUCCEEDED, a.getTradeNo(), null);
            case "WAIT_BUYER_PAY" -> new Result(Status.PENDING, a.getTradeNo(), "WAIT_BUYER_PAY");
            default -> new Result(Status.FAILED, a.getTradeNo(), a.getTradeStatus());
        };
    }

    @Override
    public Result reverse(Account account, String reference) {
        AlipayTradeCancelModel m = new AlipayTradeCancelModel();
        m.setOutTradeNo(reference);
        AlipayTradeCancelRequest r = new AlipayTradeCancelRequest();
        r.setBizModel(m);
        AlipayTradeCancelResponse a = execute(r, account);
        if (a == null || !"10000".equals(a.getCode()) || "Y".equals(a.getRetryFlag())) {
            return new Result(Status.UNKNOWN, null, a == null ? PaymentGateway.NO_ANSWER : a.getSubCode());
        }
        return new Result(Status.SUCCEEDED, a.getTradeNo(), a.getAction());
    }

    @Override
    public Result refund(Refund f) {
        AlipayTradeRefundModel m = new AlipayTradeRefundModel();
        m.setTradeNo(f.providerReference());
        m.setRefundAmount(yuan(f.amountMinor()));
        m.setOutRequestNo(f.idempotencyKey()); // Alipay's own key: the same out_request_no refunds once
        AlipayTradeRefundRequest r = new AlipayTradeRefundRequest();
        r.setBizModel(m);
        AlipayTradeRefundResponse a = execute(r, f.account());
        if (a == null) {
            return new Result(Status.UNKNOWN, null, PaymentGateway.NO_ANSWER);
        }
        return "10000".equals(a.getCode()) ? new Result(Status.SUCCEEDED, a.getTradeNo(), null)
                : new Result(Status.FAILED, null, a.getSubCode());
    }

    /** Null when no verified answer came (timeout, connection, a signature that does not check): the outcome is unknown. */
    private <T extends AlipayResponse> T execute(AlipayRequest<T> request, Account account) {
        try {
            return client.execute(request, null, account.secrets().get("appAuthToken"));
        } catch (AlipayApiException e) {
            return null;
        }
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
