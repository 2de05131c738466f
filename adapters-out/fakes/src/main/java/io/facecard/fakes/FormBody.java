package io.facecard.fakes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** {@code application/x-www-form-urlencoded} (a body or a query string), as the providers' APIs take it. */
final class FormBody {
    private FormBody() {}

    /** The parameters, sorted by name; an absent body has none. */
    static Map<String, String> parse(String raw) {
        Map<String, String> out = new TreeMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
