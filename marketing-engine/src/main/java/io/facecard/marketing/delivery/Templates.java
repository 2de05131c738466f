package io.facecard.marketing.delivery;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.NoticeTemplates.Template;
import io.facecard.marketing.port.NoticeTemplates;
import io.facecard.marketing.port.Rendered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A tenant's texts of service notices per kind and channel. A WeChat notice is a template message
 * (template id, field patterns: no line breaks, at most 20 characters once filled); a Telegram
 * notice, and WeChat's welcome, is text. Each has a default and texts per locale.
 */
@ApplicationScoped
@Transactional
public class Templates {
    static final Permit READ = new Permit(Set.of(Role.TENANT_ADMIN, Role.MARKETER), Set.of());
    static final Permit WRITE = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());
    private static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    /** One locale's texts (or the default's): WeChat template fields and/or text. */
    public record Texts(Map<String, String> fields, String text) {}

    /** {@code builtIn}: the tenant set none and these are the platform's. */
    public record View(String kind, String channel, String templateId, Texts value, Map<String, Texts> localized, boolean builtIn) {}

    private NoticeTemplates store;
    private Clock clock;

    protected Templates() {}

    @Inject
    public Templates(NoticeTemplates store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public View get(Caller caller, String kind, String channel) {
        TenantId tenant = READ.tenantOf(caller);
        check(kind, channel);
        return store.find(tenant, kind, channel).map(t -> view(kind, channel, t, false)).orElseGet(() -> builtIn(kind, channel));
    }

    public View put(Caller caller, String kind, String channel, String templateId, Texts value, Map<String, Texts> localized) {
        TenantId tenant = WRITE.tenantOf(caller);
        check(kind, channel);
        boolean wechatTemplate = "WECHAT".equals(channel) && NoticeTexts.WECHAT_TEMPLATE_IDS.containsKey(kind);
        if (value == null) {
            throw Refusal.invalid("'value' is required: the default " + (wechatTemplate ? "fields" : "text"));
        }
        if (wechatTemplate && (templateId == null || !TEMPLATE_ID.matcher(templateId).matches())) {
            throw Refusal.invalid("'templateId' is required: the WeChat template's id (letters, digits, _ or -, at most 64)");
        }
        if (!wechatTemplate && templateId != null) {
            throw Refusal.invalid("'templateId' is only for WeChat template messages; " + kind + " on " + channel + " is text");
        }
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        take(kind, wechatTemplate, "", value, "value", fields, texts);
        if (localized != null) {
            if (localized.size() > 20) {
                throw Refusal.invalid("'localized' takes at most 20 locales");
            }
            localized.forEach((locale, t) -> {
                if (locale == null || !LOCALE.matcher(locale).matches()) {
                    throw Refusal.invalid("'localized." + locale + "' is not a locale such as ru or zh-CN");
                }
                take(kind, wechatTemplate, locale, t, "localized." + locale, fields, texts);
            });
        }
        Template t = new Template(wechatTemplate ? templateId : null, fields, texts);
        store.save(tenant, kind, channel, t, clock.instant());
        return view(kind, channel, t, false);
    }

    private static void take(String kind, boolean wechatTemplate, String locale, Texts t, String at,
            Map<String, Map<String, String>> fields, Map<String, String> texts) {
        if (t == null) {
            throw Refusal.invalid("'" + at + "' must be an object");
        }
        if (wechatTemplate) {
            if (t.fields() == null || t.fields().isEmpty() || t.fields().size() > 10) {
                throw Refusal.invalid("'" + at + ".fields' must map 1 to 10 template fields to values with {placeholders}");
            }
            t.fields().forEach((name, pattern) -> {
                String where = at + ".fields." + name;
                if (name == null || !FIELD.matcher(name).matches()) {
                    throw Refusal.invalid("'" + where + "' is not a template field name");
                }
                pattern(kind, pattern, where, 60);
                if (pattern.contains("\n") || pattern.contains("\r")) {
                    throw Refusal.invalid("'" + where + "' has a line break: WeChat template fields take none");
                }
            });
            fields.put(locale, Map.copyOf(t.fields()));
        } else if (t.fields() != null) {
            throw Refusal.invalid("'" + at + ".fields' is only for WeChat template messages");
        }
        if (t.text() != null || !wechatTemplate) {
            pattern(kind, t.text(), at + ".text", 1000);
            texts.put(locale, t.text());
        }
    }

    private static void pattern(String kind, String pattern, String where, int max) {
        if (pattern == null || pattern.isBlank() || pattern.length() > max) {
            throw Refusal.invalid("'" + where + "' must be 1 to " + max + " characters");
        }
        List<String> unknown = NoticeTexts.unknown(kind, pattern);
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("'" + where + "' uses {" + unknown.get(0) + "}, which " + kind + " does not fill; it fills "
                    + NoticeTexts.PLACEHOLDERS.get(kind));
        }
    }

    private static void check(String kind, String channel) {
        if (!NoticeTexts.PLACEHOLDERS.containsKey(kind)) {
            throw Refusal.notFound("notice kind " + kind + " (there are " + new TreeSet<>(NoticeTexts.PLACEHOLDERS.keySet()) + ")");
        }
        if (!"WECHAT".equals(channel) && !"TELEGRAM".equals(channel)) {
            throw Refusal.notFound("channel " + channel + " (there are WECHAT and TELEGRAM)");
        }
    }

    private static View view(String kind, String channel, Template t, boolean builtIn) {
        Map<String, Texts> localized = new TreeMap<>();
        Set<String> locales = new TreeSet<>(t.fields().keySet());
        locales.addAll(t.texts().keySet());
        locales.remove("");
        for (String l : locales) {
            localized.put(l, new Texts(t.fields().get(l), t.texts().get(l)));
        }
        return new View(kind, channel, t.templateId(), new Texts(t.fields().get(""), t.texts().get("")), localized, builtIn);
    }

    private static View builtIn(String kind, String channel) {
        Rendered r = NoticeTexts.builtInPatterns(kind, channel);
        return view(kind, channel, new Template(r.templateId(), r.templateId() == null ? Map.of() : Map.of("", r.fields()),
                NoticeTexts.builtInTexts(kind)), true);
    }
}
