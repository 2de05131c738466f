package io.facecard.application.payment;

import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.refusal.Refusal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a tenant's account holds at each provider, in the platform's service-provider set-up: the
 * platform's own keys are configuration, a tenant brings only what identifies it there
 * (WeChat Pay partner mode: sub_mchid and optionally sub_appid; Alipay ISV: the app_auth_token the
 * tenant granted, and its seller id; Stripe Connect: the connected account).
 */
final class ProviderFields {
    record Field(String name, boolean required, boolean secret, Pattern format, String example) {}

    private static final Map<PaymentProvider, List<Field>> FIELDS = Map.of(
            PaymentProvider.WECHAT_PAY, List.of(
                    new Field("subMchid", true, false, Pattern.compile("[0-9]{8,12}"), "1900000109"),
                    new Field("subAppid", false, false, Pattern.compile("wx[0-9a-f]{16}"), "wx8888888888888888")),
            PaymentProvider.ALIPAY, List.of(
                    new Field("appAuthToken", true, true, Pattern.compile("[A-Za-z0-9._-]{16,128}"), "202612BB…"),
                    new Field("sellerId", false, false, Pattern.compile("2088[0-9]{12}"), "2088102146225135")),
            PaymentProvider.STRIPE, List.of(
                    new Field("connectedAccountId", true, false, Pattern.compile("acct_[A-Za-z0-9]{8,32}"), "acct_1032D82eZvKYlo2C")));

    /** The accounts the local fakes know (see the fakes module): the sandbox's sub-merchant, ISV token and connected account. */
    private static final Map<PaymentProvider, Map<String, String>> SANDBOX = Map.of(
            PaymentProvider.WECHAT_PAY, Map.of("subMchid", "1900000109", "subAppid", "wxfacecafe0000beef"),
            PaymentProvider.ALIPAY, Map.of("appAuthToken", "202612BBfacecardsandboxtoken01", "sellerId", "2088102146225135"),
            PaymentProvider.STRIPE, Map.of("connectedAccountId", "acct_1FacecardSandbox"));

    private ProviderFields() {}

    static Map<String, String> sandbox(PaymentProvider provider) {
        return SANDBOX.get(provider);
    }

    static List<Field> of(PaymentProvider provider) {
        return FIELDS.get(provider);
    }

    /** Splits a body into settings and secrets, refusing unknown, missing and malformed fields by name. */
    static Map<Boolean, Map<String, String>> split(PaymentProvider provider, Map<String, String> body) {
        List<Field> fields = of(provider);
        for (String name : body.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                throw Refusal.invalid("'" + name + "' is not a field of a " + provider + " account; it takes "
                        + fields.stream().map(Field::name).toList());
            }
        }
        Map<String, String> settings = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>();
        for (Field f : fields) {
            String value = body.get(f.name());
            if (value == null || value.isBlank()) {
                if (f.required()) {
                    throw Refusal.invalid("'" + f.name() + "' is required for " + provider);
                }
                continue;
            }
            if (!f.format().matcher(value).matches()) {
                // A secret's value is never echoed, not even in a refusal.
                throw Refusal.invalid("'" + f.name() + "' is not in the provider's format"
                        + (f.secret() ? "" : " (like " + f.example() + ", got '" + value + "')"));
            }
            (f.secret() ? secrets : settings).put(f.name(), value);
        }
        return Map.of(false, settings, true, secrets);
    }
}
