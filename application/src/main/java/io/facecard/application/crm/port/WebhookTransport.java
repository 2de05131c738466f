package io.facecard.application.crm.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Posts one delivery as JSON ({@code {"type", "timestamp", "data"}}, the Standard Webhooks payload), signed with each of
 * the endpoint's live secrets (see {@link io.facecard.application.crm.WebhookSignature}). Never throws for the
 * receiver's failures: they are an answer.
 */
public interface WebhookTransport {
    /** @param id what the receiver dedupes on: the same for every attempt and replay of one delivery */
    record Message(UUID id, String type, Instant occurredAt, Map<String, Object> data) {}

    /** @param status the HTTP status, or 0 when none came (refused, timed out, refused address); {@code error} then says why */
    record Answer(int status, String body, String error) {
        public boolean success() {
            return status >= 200 && status < 300;
        }
    }

    Answer send(String url, Message message, List<String> secrets, Instant now);

    /** True when plain http and 127.0.0.1 are allowed: the sandbox's receiver and tests. */
    boolean sandbox();
}
