package io.facecard.application.crm;

import io.facecard.domain.crm.CrmRule;
import io.facecard.domain.refusal.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs a tenant may send its members' events to. Live: https only, a host name or public address, no user
 * info or fragment; the platform's own networks (loopback, private, link-local, metadata) are refused here by their
 * literal and again by the resolved address at sending, so a tenant cannot make the platform call inside itself.
 * The sandbox also allows plain http on 127.0.0.1 (its receiver).
 */
final class EndpointUrls {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private EndpointUrls() {}

    static String check(String raw, boolean sandbox) {
        URI u;
        try {
            u = new URI(raw);
        } catch (URISyntaxException e) {
            throw new Refusal(CrmRule.ENDPOINT_URL, "'url' is not a URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        if (!u.isAbsolute() || host.isEmpty() || u.getRawUserInfo() != null || u.getRawFragment() != null) {
            throw new Refusal(CrmRule.ENDPOINT_URL, "'url' must be an absolute http(s) URL with a host, without user info or fragment");
        }
        boolean local = host.equals("127.0.0.1") || host.equals("localhost");
        if (sandbox && local && (scheme.equals("http") || scheme.equals("https"))) {
            return u.toString();
        }
        if (!scheme.equals("https")) {
            throw new Refusal(CrmRule.ENDPOINT_URL, "'url' must use https" + (sandbox ? " (or http on 127.0.0.1 in the sandbox)" : ""));
        }
        if (internal(host)) {
            throw new Refusal(CrmRule.ENDPOINT_URL, "'url' names an internal host (" + host + "); give the CRM's public address");
        }
        return u.toString();
    }

    /** Loopback, private, link-local, carrier-grade NAT and unspecified IPv4 literals, any IPv6 literal, local names. */
    static boolean internal(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")
                || host.startsWith("[") || host.indexOf('.') < 0) {
            return true;
        }
        Matcher m = IPV4.matcher(host);
        if (!m.matches()) {
            return false;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        return a == 0 || a == 10 || a == 127 || a >= 224 || (a == 169 && b == 254) || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168) || (a == 100 && b >= 64 && b <= 127);
    }
}
