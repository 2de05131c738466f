package io.facecard.it.messaging;

import static io.facecard.it.Api.get;
import static io.facecard.it.Api.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecard.it.Api.Chain;
import io.facecard.it.Api;
import io.facecard.it.Eventually;
import io.facecard.it.Fakes;
import io.facecard.it.marketing.CampaignsIT;
import io.facecard.it.platform.CrashRecoveryIT;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SIGKILL while WeChat holds the answer to a mass send it already delivered: after the restart the
 * rows' lease runs out and the dispatcher makes the same job again under the same clientmsgid,
 * which WeChat answers 45065 without delivering again. Exactly once, where Telegram's receipts are
 * at most once more (ReceiptCrashIT).
 */
class MassSendCrashIT {
    @Test
    void aCrashBetweenAMassSendAndItsRecordDeliversItOnce() throws Exception {
        Chain shop = CampaignsIT.shop("mass-crash");
        String a = CampaignsIT.wechatMember(shop, "zh-X9");
        String b = CampaignsIT.wechatMember(shop, "zh-X9");
        Thread.sleep(1500); // the welcomes go inside the scans' minute
        post("/api/v1/sandbox/clock", shop.adminToken(), Map.of("advanceSeconds", 120)).ok(204);
        Map<String, Object> draft = new LinkedHashMap<>(Map.of("name", "Crash week", "channel", "WECHAT", "holdoutShare", 0,
                "message", Map.of("", "Crash week: 5 off"), "condition", CampaignsIT.byLocale("zh-X9")));
        String id = post("/api/v1/campaigns", shop.adminToken(), draft).ok(201).get("id");
        Fakes.sandbox().wechatOfficialAccount().massLatency(6_000);
        try {
            CampaignsIT.startAndFinish(shop, shop.adminToken(), id);
            Eventually.until("the mass send at both members", Duration.ofSeconds(30), () -> !mass(shop, a).isEmpty() && !mass(shop, b).isEmpty());
            assertThat(mass(shop, a)).hasSize(1);
            CrashRecoveryIT.kill(); // delivered; the answer still on its way, nothing recorded
        } finally {
            Fakes.sandbox().wechatOfficialAccount().massLatency(0);
        }
        CrashRecoveryIT.start();
        JsonNode r = CampaignsIT.resultsWhen(shop.adminToken(), id, x -> x.path("massSent").asLong() == 2, 90);
        assertThat(r.path("massSent").asLong()).as("both rows recorded after the restart").isEqualTo(2);
        assertThat(mass(shop, a)).as("the same job again, under its clientmsgid: not delivered twice").hasSize(1);
        assertThat(mass(shop, b)).hasSize(1);
    }

    static List<String> mass(Chain shop, String openid) {
        return CampaignsIT.wechatMessages(shop, openid, "MASS");
    }
}
