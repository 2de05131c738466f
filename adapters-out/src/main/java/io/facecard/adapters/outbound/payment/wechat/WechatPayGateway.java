package io.facecard.adapters.outbound.payment.wechat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.http.HttpHeaders;
import com.wechat.pay.java.core.http.HttpMethod;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.core.http.JsonRequestBody;
import io.facecard.application.payment.port.PaymentGateway;
import io.facecard.application.payment.port.ProviderAccounts.Account;
import io.facecard.domain.payment.PaymentProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * WeChat Pay APIv3 in partner (service-provider) mode on wechatpay-java: the platform is the
 * service provider ({@code sp_mchid}, {@code sp_appid}, its merchant key and the WeChat Pay public
 * key are configuration), each tenant a sub-merchant ({@code sub_mchid}, optional {@code sub_appid}).
 * The SDK has no service class for the payment-code API, so the face code is charged through its
 * signing {@link HttpClient}, which signs every request and verifies every 2xx answer's signature.
 * No notification comes for a payment-code charge: {@code USERPAYING} (HTTP 202) and every unknown
 * answer are polled by our {@code out_trade_no}, and a charge that never resolves is reversed.
 */
public final class WechatPayGateway implements PaymentGateway.Polling {
    private final HttpClient client;
    private final String base;
    private final String spMchid;
    private final String spAppid;

    /**
     * @param base the API host (https://api.mch.weixin.qq.com, or the sandbox's fake)
     * @param merchantPrivateKey the service provider's API key, base64 PKCS#8
     * @param wechatPublicKey WeChat Pay's public key, base64 X.509, and its id: answers are verified against it
     */
    public WechatPayGateway(String base, String spMchid, String spAppid, String merchantSerial, String merchantPrivateKey,
            String wechatPublicKeyId, String wechatPublicKey, String apiV3Key, int readTimeoutMillis) {
        RSAPublicKeyConfig config = new RSAPublicKeyConfig.Builder().merchantId(spMchid).merchantSerialNumber(merchantSerial)
                .privateKey(merchantPrivateKey).publicKeyId(wechatPublicKeyId).publicKey(wechatPublicKey).apiV3Key(apiV3Key).build();
        // No silent retries: a charge resent by the HTTP layer is a charge we did not decide to send.
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofMillis(readTimeoutMillis)).retryOnConnectionFailure(false)
                .addNetworkInterceptor(WechatPayGateway::canonicalHeaders).build();
        this.client = new DefaultHttpClientBuilder().config(config).okHttpClient(http).build();
        this.base = base;
        this.spMchid = spMchid;
        this.spAppid = spAppid;
    }

    /** The signature headers under their documented names: HTTP/2 and some servers send names in lower case, the SDK looks them up exactly. */
    private static final List<String> SIGNED_HEADERS = List.of("Wechatpay-Timestamp", "Wechatpay-Nonce", "Wechatpay-Signature",
            "Wechatpay-Serial", "Wechatpay-Signature-Type", "Request-ID");

    private static okhttp3.Response canonicalHeaders(okhttp3.Interceptor.Chain chain) throws IOException {
        okhttp3.Response r = chain.proceed(chain.request());
        okhttp3.Response.Builder b = r.newBuilder();
        for (String name : SIGNED_HEADERS) {
            String value = r.header(name); // okhttp matches names case-insensitively
            if (value != null) {
                b.removeHeader(name).addHeader(name, value);
            }
        }
        return b.build();
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.WECHAT_PAY;
    }

    @Override
    public Result charge(Charge c) {
        JsonObject body = new JsonObject();
        body.addProperty("sp_appid", spAppid);
        body.addProperty("sp_mchid", spMchid);
        String subAppid = c.account().settings().get("subAppid");
        if (subAppid != null) {
            body.addProperty("sub_appid", subAppid);
        }
        body.addProperty("sub_mchid", c.account().settings().get("subMchid"));
        body.addProperty("description", "Facecard " + c.reference());
        body.addProperty("out_trade_no", c.reference());
        JsonObject payer = new JsonObject();
        payer.addProperty("auth_code", c.credential());
        body.add("payer", payer);
        JsonObject amount = new JsonObject();
        amount.addProperty("total", c.amountMinor());
        amount.addProperty("currency", c.currency());
        body.add("amount", amount);
        return trade(send(HttpMethod.POST, "/v3/pay/partner/transactions/codepay", body));
    }

    @Override
    public Result query(Account account, String reference) {
        String path = "/v3/pay/partner/transactions/out-trade-no/" + reference + "?sp_mchid=" + spMchid + "&sub_mchid="
                + account.settings().get("subMchid");
        return trade(send(HttpMethod.GET, path, null));
    }

    @Override
    public Result reverse(Account account, String reference) {
        JsonObject body = new JsonObject();
        body.addProperty("sp_mchid", spMchid);
        body.addProperty("sub_mchid", account.settings().get("subMchid"));
        Answer a = send(HttpMethod.POST, "/v3/pay/partner/transactions/out-trade-no/" + reference + "/reverse", body);
        if (a.status() == 200 || a.status() == 204) {
            return new Result(Status.SUCCEEDED, null, "REVOKED");
        }
        // SYSTEMERROR, USERPAYING ("payment in progress") or no answer: the reversal is asked again.
        return new Result(Status.UNKNOWN, null, a.code());
    }

    @Override
    public Result refund(Refund r) {
        JsonObject body = new JsonObject();
        body.addProperty("sub_mchid", r.account().settings().get("subMchid"));
        body.addProperty("out_trade_no", r.reference());
        body.addProperty("out_refund_no", r.idempotencyKey()); // WeChat's own key: the same out_refund_no refunds once
        JsonObject amount = new JsonObject();
        amount.addProperty("refund", r.amountMinor());
        amount.addProperty("total", r.totalMinor());
        amount.addProperty("currency", "CNY");
        body.add("amount", amount);
        Answer a = send(HttpMethod.POST, "/v3/refund/domestic/refunds", body);
        if (a.status() == 200) {
            // SUCCESS or PROCESSING: accepted, WeChat pays it out (its notification or a query confirms).
            return new Result(Status.SUCCEEDED, text(a.json(), "refund_id"), text(a.json(), "status"));
        }
        return a.status() >= 500 || a.status() == 0 ? new Result(Status.UNKNOWN, null, a.code()) : new Result(Status.FAILED, null, a.code());
    }

    /** A charge's or a query's answer: SUCCESS is paid; USERPAYING (202 or trade_state) is open; a final state failed. */
    private static Result trade(Answer a) {
        if (a.status() == 0 || a.status() >= 500) {
            return new Result(Status.UNKNOWN, null, a.code());
        }
        if (a.status() == 202 || "USERPAYING".equals(a.code())) {
            return new Result(Status.PENDING, null, "USERPAYING");
        }
        if (a.status() == 404) {
            return new Result(Status.UNKNOWN, null, a.code()); // ORDER_NOT_EXIST: a charge on its way may yet arrive
        }
        if (a.status() != 200) {
            return new Result(Status.FAILED, null, a.code());
        }
        String state = text(a.json(), "trade_state");
        return switch (state == null ? "" : state) {
            case "SUCCESS" -> new Result(Status.SUCCEEDED, text(a.json(), "transaction_id"), null, payer(a.json()));
            case "USERPAYING", "NOTPAY", "ACCEPT" -> new Result(Status.PENDING, null, state);
            case "" -> new Result(Status.UNKNOWN, null, "no-trade-state");
            default -> new Result(Status.FAILED, text(a.json(), "transaction_id"), state);
        };
    }

    private static String payer(JsonObject o) {
        JsonObject p = o.has("payer") && o.get("payer").isJsonObject() ? o.getAsJsonObject("payer") : null;
        return p == null ? null : text(p, "sub_openid") != null ? text(p, "sub_openid") : text(p, "sp_openid");
    }

    private record Answer(int status, String code, JsonObject json) {}

    /** Status 0: no verified answer (a timeout, a connection failure, an answer whose signature does not check). */
    private Answer send(HttpMethod method, String path, JsonObject body) {
        HttpHeaders headers = new HttpHeaders();
        headers.addHeader("Accept", "application/json");
        HttpRequest.Builder b = new HttpRequest.Builder().httpMethod(method).url(base + path).headers(headers);
        if (body != null) {
            headers.addHeader("Content-Type", "application/json");
            b.body(new JsonRequestBody.Builder().body(body.toString()).build());
        }
        try {
            var response = client.execute(b.build(), JsonObject.class);
            JsonObject json = response.getServiceResponse() == null ? new JsonObject() : response.getServiceResponse();
            int status = json.has("code") && "USERPAYING".equals(text(json, "code")) ? 202 : 200;
            return new Answer(status, text(json, "code"), json);
        } catch (ServiceException e) {
            return new Answer(e.getHttpStatusCode(), e.getErrorCode() == null ? "HTTP_" + e.getHttpStatusCode() : e.getErrorCode(),
                    parse(e.getResponseBody()));
        } catch (HttpException e) {
            return new Answer(0, PaymentGateway.NO_ANSWER, new JsonObject());
        } catch (ValidationException e) {
            return new Answer(0, PaymentGateway.UNVERIFIED_ANSWER, new JsonObject());
        } catch (MalformedMessageException e) {
            return new Answer(0, PaymentGateway.MALFORMED_ANSWER, new JsonObject());
        }
    }

    private static JsonObject parse(String body) {
        try {
            return JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static String text(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : null;
    }
}
