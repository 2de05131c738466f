package io.facecard.adapters.outbound.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.facecard.adapters.outbound.platform.SandboxConfig;
import io.facecard.application.crm.WebhookSignature;
import io.facecard.application.crm.port.WebhookTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts deliveries with the JDK's HTTP client: no redirects followed (a receiver that moved says so by failing), 5 s to
 * connect, 10 s for the answer, of which at most 4 KB is read. Live, the host's addresses are checked before each post,
 * so a name that resolves inside the platform's network is refused even though its URL passed registration.
 */
@ApplicationScoped
public class HttpWebhookTransport implements WebhookTransport {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    SandboxConfig sandbox;

    @Override
    public boolean sandbox() {
        return sandbox.sandbox();
    }

    @Override
    public Answer send(String url, Message m, List<String> secrets, Instant now) {
        URI uri = URI.create(url);
        String body = body(m);
        String id = m.id().toString();
        try {
            if (!sandbox() && internal(uri.getHost())) {
                return new Answer(0, null, "the endpoint's host resolves to an internal address");
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .header("User-Agent", "Facecard-Webhooks/1").header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(now.getEpochSecond()))
                    .header("webhook-signature", WebhookSignature.header(secrets, id, now, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new Answer(response.statusCode(), new String(in.readNBytes(4096), StandardCharsets.UTF_8), null);
            }
        } catch (IOException e) {
            return new Answer(0, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    /** The Standard Webhooks payload: what happened, when, and its data. */
    static String body(Message m) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", m.type());
        payload.put("timestamp", m.occurredAt().toString());
        payload.put("data", m.data());
        try {
            return JdbcWebhookDeliveries.JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean internal(String host) throws IOException {
        for (InetAddress a : InetAddress.getAllByName(host)) {
            byte[] b = a.getAddress();
            boolean uniqueLocal6 = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
            boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()
                    || uniqueLocal6 || carrierNat) {
                return true;
            }
        }
        return false;
    }
}
