package io.facecard.marketing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecard.marketing.port.NoticeTemplates.Template;
import io.facecard.marketing.port.Rendered;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeTextsTest {
    static final Map<String, String> RECEIPT = Map.of("receipt", "R-1", "total", "12.00", "currency", "EUR", "earned", "12",
            "balance", "40");

    @Test
    void aMemberGetsTheirLocaleThenTheirLanguageThenTheDefault() {
        Map<String, String> texts = Map.of("", "default", "ru", "russian", "zh-CN", "simplified");
        assertThat(NoticeTexts.pick(texts, "zh-CN")).isEqualTo("simplified");
        assertThat(NoticeTexts.pick(texts, "ru-RU")).isEqualTo("russian");
        assertThat(NoticeTexts.pick(texts, "ru_RU")).isEqualTo("russian");
        assertThat(NoticeTexts.pick(texts, "de")).isEqualTo("default");
        assertThat(NoticeTexts.pick(texts, null)).isEqualTo("default");
    }

    @Test
    void theBuiltInReceiptIsAWechatTemplateAndATelegramText() {
        Rendered w = NoticeTexts.render("RECEIPT", "WECHAT", RECEIPT, "en", Optional.empty(), false);
        assertThat(w.templateId()).isEqualTo("facecard_receipt");
        assertThat(w.fields()).containsEntry("amount", "12.00 EUR").containsEntry("points", "+12");
        Rendered t = NoticeTexts.render("RECEIPT", "TELEGRAM", RECEIPT, "ru", Optional.empty(), false);
        assertThat(t.templateId()).isNull();
        assertThat(t.text()).startsWith("Чек R-1: 12.00 EUR");
    }

    @Test
    void aTenantsTemplateReplacesTheBuiltInPerLocale() {
        Template own = new Template("T9", Map.of("", Map.of("k1", "{total}"), "zh", Map.of("k1", "{total}元")), Map.of("", "Paid {total}"));
        assertThat(NoticeTexts.render("RECEIPT", "WECHAT", RECEIPT, "zh-CN", Optional.of(own), false).fields()).containsExactlyEntriesOf(
                Map.of("k1", "12.00元"));
        assertThat(NoticeTexts.render("RECEIPT", "TELEGRAM", RECEIPT, "zh", Optional.of(own), false).text()).isEqualTo("Paid 12.00");
    }

    @Test
    void aRefundSaysWhereTheMoneyGoes() {
        Map<String, String> refund = Map.of("amount", "5.00", "currency", "CNY", "method", "WECHAT_PAY");
        assertThat(NoticeTexts.render("REFUND", "TELEGRAM", refund, null, Optional.empty(), false).text())
                .isEqualTo("Refund of 5.00 CNY to your WeChat Pay is on its way.");
        assertThat(NoticeTexts.render("REFUND", "WECHAT", Map.of("amount", "5.00", "currency", "EUR", "method", "STRIPE_FACE"), "en",
                Optional.empty(), false).fields()).containsEntry("to", "card");
    }

    @Test
    void marketingIsNeverATemplateMessage() {
        Rendered r = NoticeTexts.render("CAMPAIGN", "WECHAT", Map.of("text", "10% off tea"), "en", Optional.empty(), true);
        assertThat(r.templateId()).isNull();
        assertThat(r.text()).isEqualTo("10% off tea");
    }

    @Test
    void placeholdersAKindDoesNotFillAreNamed() {
        assertThat(NoticeTexts.unknown("RECEIPT", "{total} {coupon} {name}")).containsExactly("coupon", "name");
        assertThat(NoticeTexts.unknown("WELCOME", "Hi")).isEmpty();
        assertThat(NoticeTexts.fill("{a}-{b}", Map.of("a", "1"))).isEqualTo("1-");
    }
}
