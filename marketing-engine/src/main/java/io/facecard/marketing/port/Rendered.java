package io.facecard.marketing.port;

import java.util.Map;

/** A message in its channel's form: a WeChat template (id and field values) for a service notice, else text. */
public record Rendered(String templateId, Map<String, String> fields, String text) {
    public Rendered {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
