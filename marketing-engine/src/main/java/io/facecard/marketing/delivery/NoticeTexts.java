package io.facecard.marketing.delivery;

import io.facecard.marketing.port.NoticeTemplates.Template;
import io.facecard.marketing.port.Rendered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service notices' kinds, their placeholders and the built-in texts (English, Russian,
 * Chinese) used where a tenant set no template of its own. On WeChat a notice is a template
 * message of account notices (purchase receipt, points change): no marketing words, no coupons,
 * each field at most 20 characters without line breaks.
 */
public final class NoticeTexts {
    public static final Map<String, List<String>> PLACEHOLDERS = Map.of(
            "RECEIPT", List.of("receipt", "total", "currency", "earned", "balance"),
            "REFUND", List.of("amount", "currency", "to"),
            "POINTS_EXPIRING", List.of("points", "expiresOn", "balance"),
            "WELCOME", List.of());
    static final Map<String, String> WECHAT_TEMPLATE_IDS = Map.of("RECEIPT", "facecard_receipt", "REFUND", "facecard_refund",
            "POINTS_EXPIRING", "facecard_points");
    /** Anything in braces: {expiresOn.__class__} is an unknown placeholder to refuse, not text to send. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "RECEIPT", Map.of(
                    "", "Receipt {receipt}: {total} {currency}. Points earned {earned}, balance {balance}.",
                    "ru", "Чек {receipt}: {total} {currency}. Начислено баллов: {earned}, баланс {balance}.",
                    "zh", "小票 {receipt}：{total} {currency}。获得积分 {earned}，余额 {balance}。"),
            "REFUND", Map.of(
                    "", "Refund of {amount} {currency} to your {to} is on its way.",
                    "ru", "Возврат {amount} {currency} на {to} оформлен.",
                    "zh", "退款 {amount} {currency} 已退回您的{to}。"),
            "POINTS_EXPIRING", Map.of(
                    "", "{points} of your points lapse on {expiresOn}. Balance {balance}.",
                    "ru", "{points} баллов сгорят {expiresOn}. Баланс {balance}.",
                    "zh", "您有 {points} 积分将于 {expiresOn} 过期。余额 {balance}。"),
            "WELCOME", Map.of(
                    "", "Your card is linked: receipts and points will arrive here.",
                    "ru", "Карта привязана: чеки и баллы будут приходить сюда.",
                    "zh", "会员卡已绑定：小票和积分将发送到这里。"));

    private static final Map<String, Map<String, String>> WECHAT_FIELDS = Map.of(
            "RECEIPT", Map.of("receipt", "{receipt}", "amount", "{total} {currency}", "points", "+{earned}", "balance", "{balance}"),
            "REFUND", Map.of("amount", "{amount} {currency}", "to", "{to}"),
            "POINTS_EXPIRING", Map.of("points", "-{points}", "date", "{expiresOn}", "balance", "{balance}"));

    private NoticeTexts() {}

    /** A notice in its channel's form: the tenant's template where it set one, else the built-in. */
    public static Rendered render(String kind, String channel, Map<String, String> given, String locale, Optional<Template> own,
            boolean marketing) {
        Map<String, String> f = given;
        if (marketing || !PLACEHOLDERS.containsKey(kind)) {
            // Marketing and campaign messages carry their text, rendered for the member when queued.
            return new Rendered(null, Map.of(), f.getOrDefault("text", kind));
        }
        if (kind.equals("REFUND") && !given.containsKey("to")) {
            Map<String, String> withTo = new HashMap<>(given);
            withTo.put("to", refundedTo(given.get("method")));
            f = withTo;
        }
        Map<String, String> values = f;
        Map<String, String> fields = Map.of();
        String templateId = null;
        if ("WECHAT".equals(channel) && WECHAT_TEMPLATE_IDS.containsKey(kind)) {
            templateId = own.map(Template::templateId).orElse(WECHAT_TEMPLATE_IDS.get(kind));
            Map<String, String> patterns = own.isPresent() && !own.get().fields().isEmpty() ? pick(own.get().fields(), locale)
                    : WECHAT_FIELDS.get(kind);
            Map<String, String> filled = new LinkedHashMap<>();
            new TreeMap<>(patterns).forEach((k, p) -> filled.put(k, fill(p, values)));
            fields = filled;
        }
        String text = fill(own.isPresent() && !own.get().texts().isEmpty() ? pick(own.get().texts(), locale) : pick(TEXTS.get(kind), locale), f);
        return new Rendered(templateId, fields, text);
    }

    /** Where a refund goes, as the member knows it. */
    static String refundedTo(String method) {
        return "STRIPE_FACE".equals(method) ? "card" : "ALIPAY".equals(method) ? "Alipay" : "WeChat Pay";
    }

    /** The member's locale ("ru-RU"), else its language ("ru"), else the default. */
    public static <T> T pick(Map<String, T> byLocale, String locale) {
        if (locale != null) {
            String l = locale.replace('_', '-');
            for (String k : List.of(l, l.toLowerCase(Locale.ROOT), l.split("-")[0].toLowerCase(Locale.ROOT))) {
                if (byLocale.containsKey(k)) {
                    return byLocale.get(k);
                }
            }
        }
        return byLocale.containsKey("") ? byLocale.get("") : byLocale.values().iterator().next();
    }

    public static String fill(String pattern, Map<String, String> f) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(out).toString();
    }

    /** The placeholders a pattern uses that its kind does not fill, in order of appearance. */
    static List<String> unknown(String kind, String pattern) {
        List<String> known = PLACEHOLDERS.getOrDefault(kind, List.of());
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The built-in WeChat template (id and field patterns, unfilled) of a kind, or none for text. */
    static Rendered builtInPatterns(String kind, String channel) {
        boolean template = "WECHAT".equals(channel) && WECHAT_TEMPLATE_IDS.containsKey(kind);
        return template ? new Rendered(WECHAT_TEMPLATE_IDS.get(kind), WECHAT_FIELDS.get(kind), null) : new Rendered(null, Map.of(), null);
    }

    static Map<String, String> builtInTexts(String kind) {
        return TEXTS.get(kind);
    }
}
