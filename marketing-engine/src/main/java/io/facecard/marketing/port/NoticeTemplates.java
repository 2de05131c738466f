package io.facecard.marketing.port;

import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Port out: a tenant's own texts for service notices, per kind and channel. */
public interface NoticeTemplates {
    Optional<Template> find(TenantId tenant, String kind, String channel);

    void save(TenantId tenant, String kind, String channel, Template template, Instant at);

    /**
     * A WeChat template message (its id, and per locale the value pattern of each field) or a
     * Telegram text (per locale). The locale {@code ""} is the default; patterns hold {placeholders}.
     */
    record Template(String templateId, Map<String, Map<String, String>> fields, Map<String, String> texts) {
        public Template {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
            texts = texts == null ? Map.of() : Map.copyOf(texts);
        }
    }
}
