package io.facecard.it.payment;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's payment provider accounts (issue 13's credential store): secrets are sealed at rest,
 * never answered, never logged; each tenant sees only its own; WeChat Pay and Alipay need CNY.
 */
class PaymentProvidersIT {
    static final String TOKEN = "202612BBf7c1e0a0c7b84b3d9a5e2f11Zz";
    static Chain shanghai;

    @BeforeAll
    static void chain() {
        shanghai = onboard(operatorToken(), "CNY", "Asia/Shanghai");
    }

    @Test
    void anAlipayTokenIsSealedAtRestAndOnlyItsFingerprintIsShown() throws Exception {
        Reply put = call("PUT", "/api/v1/payment-providers/ALIPAY", shanghai.adminToken(),
                Map.of("appAuthToken", TOKEN, "sellerId", "2088102146225135")).ok(200);
        JsonNode a = put.json();
        assertThat(put.body()).doesNotContain(TOKEN);
        assertThat(a.path("settings").path("sellerId").asText()).isEqualTo("2088102146225135");
        assertThat(a.path("secrets").path("appAuthToken").asText()).startsWith("sha256:");
        assertThat(a.path("webhookPath").asText()).startsWith("/api/v1/webhooks/alipay/");
        Reply got = get("/api/v1/payment-providers/ALIPAY", shanghai.adminToken()).ok(200);
        assertThat(got.body()).doesNotContain(TOKEN);
        assertThat(got.json().path("secrets")).isEqualTo(a.path("secrets"));

        // A new token changes the fingerprint; the webhook URL the provider was given stays.
        JsonNode changed = call("PUT", "/api/v1/payment-providers/ALIPAY", shanghai.adminToken(),
                Map.of("appAuthToken", TOKEN + "2")).ok(200).json();
        assertThat(changed.path("secrets").path("appAuthToken").asText()).isNotEqualTo(a.path("secrets").path("appAuthToken").asText());
        assertThat(changed.path("webhookPath").asText()).isEqualTo(a.path("webhookPath").asText());

        // Sealed at rest: only the row shows the secret is not stored in clear.
        try (Connection db = database()) {
            db.setAutoCommit(false);
            db.createStatement().execute("select set_config('app.tenant_id', '" + shanghai.id() + "', true)");
            ResultSet r = db.createStatement().executeQuery("select settings, secrets, wrapped_key from payment_provider_account "
                    + "where tenant_id = '" + shanghai.id() + "' and provider = 'ALIPAY'");
            assertThat(r.next()).isTrue();
            // Ciphertext is any bytes (a NUL among them): read it as bytes, one char per byte.
            String stored = r.getString(1) + new String(r.getBytes(2), StandardCharsets.ISO_8859_1)
                    + new String(r.getBytes(3), StandardCharsets.ISO_8859_1);
            assertThat(stored).doesNotContain(TOKEN).doesNotContain("202612BB");
            db.rollback();
        }
        assertThat(Files.readString(Path.of(System.getProperty("facecard.server.log")))).doesNotContain(TOKEN);
    }

    @Test
    void wechatPayAndAlipayNeedATenantInRenminbiStripeTakesAnyCurrency() {
        Chain berlin = onboard(operatorToken());
        Reply refused = call("PUT", "/api/v1/payment-providers/WECHAT_PAY", berlin.adminToken(), Map.of("subMchid", "1900000109"));
        assertThat(refused.problem(422).json().path("type").asText()).endsWith("provider-currency");
        get("/api/v1/payment-providers/WECHAT_PAY", berlin.adminToken()).problem(404);
        call("PUT", "/api/v1/payment-providers/STRIPE", berlin.adminToken(), Map.of("connectedAccountId", "acct_1032D82eZvKYlo2C")).ok(200);
        call("PUT", "/api/v1/payment-providers/WECHAT_PAY", shanghai.adminToken(),
                Map.of("subMchid", "1900000109", "subAppid", "wx8888888888888888")).ok(200);
    }

    @Test
    void badFieldsAreNamedAndChangeNothing() {
        Chain c = onboard(operatorToken(), "CNY", "Asia/Shanghai");
        String base = "/api/v1/payment-providers/";
        assertThat(call("PUT", base + "ALIPAY", c.adminToken(), Map.of("sellerId", "2088102146225135")).problem(400).body())
                .contains("appAuthToken");
        assertThat(call("PUT", base + "ALIPAY", c.adminToken(), Map.of("appAuthToken", "short")).problem(400).body())
                .as("a malformed secret is not echoed").doesNotContain("short");
        call("PUT", base + "WECHAT_PAY", c.adminToken(), Map.of("subMchid", "1900000109", "apiKey", "x")).problem(400);
        call("PUT", base + "WECHAT_PAY", c.adminToken(), Map.of("subMchid", 1900000109)).problem(400);
        call("PUT", base + "PAYPAL", c.adminToken(), Map.of("x", "y")).problem(404);
        get(base + "ALIPAY", c.adminToken()).problem(404);
        get(base + "WECHAT_PAY", c.adminToken()).problem(404);
    }

    @Test
    void onlyTheTenantsAdminSeesOrChangesItsAccountsAndDeleteRemoves() {
        Chain other = onboard(operatorToken(), "CNY", "Asia/Shanghai");
        call("PUT", "/api/v1/payment-providers/STRIPE", shanghai.adminToken(), Map.of("connectedAccountId", "acct_1032D82eZvKYlo2C")).ok(200);
        get("/api/v1/payment-providers/STRIPE", other.adminToken()).problem(404);
        delete("/api/v1/payment-providers/STRIPE", other.adminToken()).problem(404);
        get("/api/v1/payment-providers/STRIPE", shanghai.adminToken()).ok(200);
        String cashier = shanghai.user("provider-cashier", "CASHIER");
        get("/api/v1/payment-providers/STRIPE", cashier).problem(403);
        get("/api/v1/payment-providers/STRIPE", null).problem(401);
        delete("/api/v1/payment-providers/STRIPE", shanghai.adminToken()).ok(204);
        get("/api/v1/payment-providers/STRIPE", shanghai.adminToken()).problem(404);
    }
}
