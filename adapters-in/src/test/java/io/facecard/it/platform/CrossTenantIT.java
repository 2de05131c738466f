package io.facecard.it.platform;

import static io.facecard.it.Api.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.it.Api;
import io.facecard.it.Fakes;
import io.facecard.it.Till;
import io.facecard.it.membership.MemberImportIT;
import io.facecard.it.payment.FacePayIT;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hostile admin of chain B probes every endpoint with chain A's ids: each answers exactly as
 * for an id that does not exist, and nothing of A changes.
 */
public class CrossTenantIT {
    public static Chain a;
    public static Chain b;
    public static String aStore;
    public static String aTerminal;
    public static String aKey;
    public static String aUser;

    @BeforeAll
    static void setUp() {
        String operator = operatorToken();
        a = onboard(operator);
        b = onboard(operator);
        aStore = a.store("A1");
        var t = a.terminal(aStore, "POS");
        aTerminal = t.path("id").asText();
        aKey = t.path("apiKey").asText();
        a.user("alice", "CASHIER");
        aUser = get("/api/v1/users", a.adminToken()).json().path("items").get(1).path("id").asText();
    }

    /** The sandbox's view of payments is per tenant: another chain's admin sees none of this chain's, a till none at all. */
    @Test
    void theSandboxShowsNoTenantAnothersPayments() {
        Fakes.sandbox();
        Chain cny = onboard(operatorToken(), "CNY", "Asia/Shanghai");
        Api.call("PUT", "/api/v1/payment-providers/WECHAT_PAY", cny.adminToken(), Map.of("sandbox", true)).ok(200);
        Till till = Till.of(cny, "X1");
        String paid = FacePayIT.pay(till, FacePayIT.openCny(till, "5.00"), Till.key(), "WECHAT_PAY", "5.00", FacePayIT.wechatCode('1'))
                .ok(201).get("paymentId");
        assertThat(get("/api/v1/sandbox/payments", cny.adminToken()).ok(200).body()).contains(paid);
        assertThat(get("/api/v1/sandbox/payments", b.adminToken()).ok(200).body()).doesNotContain(paid);
        get("/api/v1/sandbox/payments", aKey).problem(403);
    }

    private static void sameAsMissing(Reply probe, Reply missing) {
        probe.problem(404);
        missing.problem(404);
        assertThat(probe.json().path("type")).isEqualTo(missing.json().path("type"));
        assertThat(probe.json().path("title")).isEqualTo(missing.json().path("title"));
    }

    @Test
    void importJobsAndLoginLocksOfAnotherTenantDoNotExist() throws Exception {
        String missing = "00000000-0000-0000-0000-00000000abcd";
        String bt = b.adminToken();
        String csv = MemberImportIT.HEADER + "x-1,Cross One,,,,,,,,,,\n";
        String job = bytes("/api/v1/members/import", a.adminToken(), csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .ok(202).get("id");
        sameAsMissing(get("/api/v1/jobs/" + job, bt), get("/api/v1/jobs/" + missing, bt));
        sameAsMissing(get("/api/v1/jobs/" + job + "/errors", bt), get("/api/v1/jobs/" + missing + "/errors", bt));
        sameAsMissing(post("/api/v1/jobs/" + job + "/cancel", bt, null), post("/api/v1/jobs/" + missing + "/cancel", bt, null));
        assertThat(MemberImportIT.finished(a, job).path("status").asText()).as("B's cancel changed nothing").isEqualTo("SUCCEEDED");

        sameAsMissing(delete("/api/v1/users/" + aUser + "/login-lock", bt), delete("/api/v1/users/" + missing + "/login-lock", bt));
        for (int i = 0; i < 6; i++) {
            post("/api/v1/auth/token", null, Map.of("tenant", a.slug(), "username", "alice", "password", "wrong-" + i)).problem(401);
        }
        var locks = get("/api/v1/users/login-locks", a.adminToken()).ok(200).json();
        assertThat(locks.findValuesAsText("username")).contains("alice");
        assertThat(get("/api/v1/users/login-locks", bt).ok(200).json().findValuesAsText("username")).doesNotContain("alice");
        String alice = locks.findValuesAsText("userId").get(locks.findValuesAsText("username").indexOf("alice"));
        sameAsMissing(delete("/api/v1/users/" + alice + "/login-lock", bt), delete("/api/v1/users/" + missing + "/login-lock", bt));
        delete("/api/v1/users/" + alice + "/login-lock", a.adminToken()).ok(204); // alice logs in again in another test
    }

    @Test
    void paymentsCardsAndChannelsOfAnotherTenantsMembersAndCheckoutsDoNotExist() {
        String member = post("/api/v1/members", a.adminToken(), Map.of("name", "Ann", "cardNumber", "X" + UUID.randomUUID().toString().substring(0, 10))).ok(201).get("id");
        String missing = UUID.randomUUID().toString();
        String bt = b.adminToken();
        sameAsMissing(get("/api/v1/members/" + member + "/payment-methods", bt), get("/api/v1/members/" + missing + "/payment-methods", bt));
        sameAsMissing(delete("/api/v1/members/" + member + "/payment-methods/pm_card_visa", bt),
                delete("/api/v1/members/" + missing + "/payment-methods/pm_card_visa", bt));
        sameAsMissing(get("/api/v1/members/" + member + "/channels", bt), get("/api/v1/members/" + missing + "/channels", bt));
        sameAsMissing(post("/api/v1/members/" + member + "/channels/TELEGRAM/binding", bt, Map.of()),
                post("/api/v1/members/" + missing + "/channels/TELEGRAM/binding", bt, Map.of()));
        sameAsMissing(delete("/api/v1/members/" + member + "/channels/TELEGRAM", bt), delete("/api/v1/members/" + missing + "/channels/TELEGRAM", bt));
        sameAsMissing(post("/api/v1/members/" + member + "/channels/WECHAT/confirm", bt, Map.of()),
                post("/api/v1/members/" + missing + "/channels/WECHAT/confirm", bt, Map.of()));
        String checkout = new Till(aKey).post("/api/v1/checkouts", Till.basket(Till.line("A", null, 1, "1.00"))).ok(201).get("id");
        Till other = Till.of(b, "B9");
        sameAsMissing(get("/api/v1/checkouts/" + checkout + "/payments", other.token), get("/api/v1/checkouts/" + missing + "/payments", other.token));
        sameAsMissing(other.post("/api/v1/checkouts/" + checkout + "/payments", Map.of("method", "STRIPE_FACE", "amount", 1,
                "confirmedByCustomer", true)), other.post("/api/v1/checkouts/" + missing + "/payments", Map.of("method", "STRIPE_FACE",
                "amount", 1, "confirmedByCustomer", true)));
    }

    @Test
    void segmentsCampaignsAndCheckoutOffersOfAnotherTenantDoNotExist() {
        String missing = UUID.randomUUID().toString();
        String at = a.adminToken();
        String bt = b.adminToken();
        Map<String, Object> tree = Map.of("property", "tier", "operator", "equals", "value", "Gold");
        String segment = post("/api/v1/segments", at, Map.of("name", "A's", "condition", tree)).ok(201).get("id");
        sameAsMissing(get("/api/v1/segments/" + segment, bt), get("/api/v1/segments/" + missing, bt));
        sameAsMissing(get("/api/v1/segments/" + segment + "/preview", bt), get("/api/v1/segments/" + missing + "/preview", bt));
        sameAsMissing(Api.call("PUT", "/api/v1/segments/" + segment, bt, Map.of("name", "B's")),
                Api.call("PUT", "/api/v1/segments/" + missing, bt, Map.of("name", "B's")));
        sameAsMissing(delete("/api/v1/segments/" + segment, bt), delete("/api/v1/segments/" + missing, bt));
        String campaign = post("/api/v1/campaigns", at, Map.of("name", "A's", "segmentId", segment, "channel", "TELEGRAM",
                "message", Map.of("", "Hi"))).ok(201).get("id");
        for (String step : new String[] {"start", "cancel"}) {
            sameAsMissing(post("/api/v1/campaigns/" + campaign + "/" + step, bt, null), post("/api/v1/campaigns/" + missing + "/" + step, bt, null));
        }
        sameAsMissing(get("/api/v1/campaigns/" + campaign + "/results", bt), get("/api/v1/campaigns/" + missing + "/results", bt));
        assertThat(get("/api/v1/campaigns/" + campaign, at).ok(200).json().path("status").asText()).isEqualTo("DRAFT");
        String checkout = new Till(aKey).post("/api/v1/checkouts", Till.basket(Till.line("A", null, 1, "1.00"))).ok(201).get("id");
        Till other = Till.of(b, "B8");
        sameAsMissing(other.post("/api/v1/checkouts/" + checkout + "/offers", Map.of("couponCode", "ANY-CODE")),
                other.post("/api/v1/checkouts/" + missing + "/offers", Map.of("couponCode", "ANY-CODE")));
        sameAsMissing(other.send("DELETE", "/api/v1/checkouts/" + checkout + "/offers/" + missing, Till.key(), null).reply(),
                other.send("DELETE", "/api/v1/checkouts/" + missing + "/offers/" + missing, Till.key(), null).reply());
    }

    @Test
    void anotherTenantsWechatFollowerCannotBeMadeToWriteInTheSandbox() throws Exception {
        Fakes.sandbox();
        for (Chain c : new Chain[] {a, b}) {
            call("PUT", "/api/v1/messenger-accounts/WECHAT_OA", c.adminToken(), Map.of("sandbox", true)).ok(200);
        }
        String member = post("/api/v1/members", a.adminToken(), Map.of("name", "Wei")).ok(201).get("id");
        String ticket = post("/api/v1/members/" + member + "/channels/WECHAT/binding", a.adminToken(), Map.of()).ok(201).get("qrTicket");
        String openid = "oX" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        post("/api/v1/sandbox/wechat/scan", a.adminToken(), Map.of("ticket", ticket, "openid", openid)).ok(200);
        String before = lastInbound(member);
        // An openid is one official account's: B's account has no such follower, exactly like one nobody has.
        sameAsMissing(post("/api/v1/sandbox/wechat/message", b.adminToken(), Map.of("openid", openid)),
                post("/api/v1/sandbox/wechat/message", b.adminToken(), Map.of("openid", "oNobody" + UUID.randomUUID())));
        assertThat(lastInbound(member)).as("A's member's window is untouched").isEqualTo(before);
        assertThat(post("/api/v1/sandbox/wechat/message", a.adminToken(), Map.of("openid", openid)).ok(200).json().path("callbackStatus")
                .asInt()).isEqualTo(200);
    }

    private static String lastInbound(String member) throws SQLException {
        // The inbound message log is kept for the operator, not served by the API.
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + a.id() + "', false)"); // the binding is A's (row-level security)
            try (ResultSet r = s.executeQuery("select last_inbound_at::text from channel_binding where member_id = '" + member + "'")) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    @Test
    void anotherTenantCannotOffboardOrSuspendThisOne() {
        get("/api/v1/tenants/" + a.id(), b.adminToken()).problem(403);
        assertThat(get("/api/v1/tenants/" + b.id(), b.adminToken()).ok(200).get("timezone")).as("staff read their own tenant").isNotEmpty();
        patch("/api/v1/tenants/" + b.id(), b.adminToken(), Map.of("name", "Mine now")).problem(403);
        post("/api/v1/tenants/" + b.id() + "/suspend", b.adminToken(), Map.of("reason", "own")).problem(403);
        post("/api/v1/tenants/" + a.id() + "/suspend", b.adminToken(), Map.of("reason", "hostile")).problem(403);
        post("/api/v1/tenants/" + a.id() + "/offboard", b.adminToken(), Map.of("confirmSlug", a.slug())).problem(403);
        assertThat(get("/api/v1/tenants/" + a.id(), operatorToken()).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void storesOfAnotherTenantDoNotExist() {
        String missing = "00000000-0000-0000-0000-00000000abcd";
        String bt = b.adminToken();
        sameAsMissing(get("/api/v1/stores/" + aStore, bt), get("/api/v1/stores/" + missing, bt));
        sameAsMissing(patch("/api/v1/stores/" + aStore, bt, Map.of("name", "Pwned")),
                patch("/api/v1/stores/" + missing, bt, Map.of("name", "Pwned")));
        assertThat(get("/api/v1/stores", bt).json().path("items").toString()).doesNotContain(aStore);
        assertThat(get("/api/v1/stores/" + aStore, a.adminToken()).ok(200).get("name")).isEqualTo("Store A1");
    }

    @Test
    void terminalsOfAnotherTenantDoNotExist() {
        String missing = "00000000-0000-0000-0000-00000000abcd";
        String bt = b.adminToken();
        sameAsMissing(get("/api/v1/stores/" + aStore + "/terminals", bt), get("/api/v1/stores/" + missing + "/terminals", bt));
        sameAsMissing(post("/api/v1/stores/" + aStore + "/terminals", bt, Map.of("kind", "POS", "name", "Rogue")),
                post("/api/v1/stores/" + missing + "/terminals", bt, Map.of("kind", "POS", "name", "Rogue")));
        sameAsMissing(delete("/api/v1/stores/" + aStore + "/terminals/" + aTerminal, bt),
                delete("/api/v1/stores/" + missing + "/terminals/" + missing, bt));
        String bStore = b.store("B1");
        delete("/api/v1/stores/" + bStore + "/terminals/" + aTerminal, bt).problem(404);
        get("/api/v1/terminals/me", aKey).ok(200);
        assertThat(get("/api/v1/stores/" + aStore + "/terminals", a.adminToken()).json().size()).isEqualTo(1);
    }

    @Test
    void usersOfAnotherTenantDoNotExist() {
        String missing = "00000000-0000-0000-0000-00000000abcd";
        String bt = b.adminToken();
        sameAsMissing(get("/api/v1/users/" + aUser, bt), get("/api/v1/users/" + missing, bt));
        sameAsMissing(patch("/api/v1/users/" + aUser, bt, Map.of("password", "a-new-password-99")),
                patch("/api/v1/users/" + missing, bt, Map.of("password", "a-new-password-99")));
        sameAsMissing(delete("/api/v1/users/" + aUser, bt), delete("/api/v1/users/" + missing, bt));
        assertThat(get("/api/v1/users", bt).json().path("items").toString()).doesNotContain(aUser);
        staffToken(a.slug(), "alice", PASSWORD);
    }

    @Test
    void aTerminalOfOneTenantSeesNothingOfAnother() {
        String bStore = b.store("B2");
        get("/api/v1/stores/" + bStore, aKey).problem(403);
        assertThat(get("/api/v1/terminals/me", aKey).get("storeId")).isEqualTo(aStore);
    }

    @Test
    void rowLevelSecurityHidesRowsOfOtherTenantsEvenWithoutAFilter() throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement()) {
            assertThat(count(s, "select count(*) from store")).as("no tenant bound").isZero();
            assertThat(count(s, "select count(*) from staff_account")).isZero();
            c.setAutoCommit(false);
            s.execute("select set_config('app.tenant_id', '" + a.id() + "', true)");
            assertThat(count(s, "select count(*) from store where tenant_id <> '" + a.id() + "'")).isZero();
            assertThat(count(s, "select count(*) from store where id = '" + aStore + "'")).isEqualTo(1);
            assertThat(count(s, "select count(*) from terminal")).isEqualTo(1);
            c.rollback();
            s.execute("select set_config('app.tenant_id', '" + b.id() + "', true)");
            assertThat(count(s, "select count(*) from store where id = '" + aStore + "'")).isZero();
            assertThat(s.executeUpdate("update store set name = 'x' where id = '" + aStore + "'")).isZero();
            c.rollback();
        }
    }

    public static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
