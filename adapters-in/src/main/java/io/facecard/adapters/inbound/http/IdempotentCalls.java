package io.facecard.adapters.inbound.http;

import io.facecard.application.loyalty.Idempotency;
import io.facecard.application.loyalty.port.IdempotencyRecords.Answer;
import io.facecard.application.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Runs a mutating call once per {@code Idempotency-Key}: the request is fingerprinted (method, path,
 * and the body as bound, or the raw bytes of an image), and the first answer is stored with the
 * call's own effects in one transaction.
 */
@ApplicationScoped
public class IdempotentCalls {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final int RETRIES = 10;

    @Inject
    Idempotency idempotency;

    public Response run(Caller caller, String key, String method, String path, Object body, int status, Supplier<Object> call) {
        byte[] content = body instanceof byte[] b ? b : JsonbConfig.JSONB.toJson(body).getBytes(StandardCharsets.UTF_8);
        String fingerprint = sha256(method + " " + path + "\n", content);
        Idempotency.Outcome o = null;
        for (int attempt = 1; o == null; attempt++) {
            try {
                o = idempotency.once(caller, key, fingerprint, () -> new Answer(status, JsonbConfig.JSONB.toJson(call.get())));
            } catch (RuntimeException e) {
                // Two tills changed one account at once and this one lost: its transaction rolled back
                // whole, so running it again decides against the winner's state.
                if (attempt >= RETRIES || UnexpectedMapper.find(e, ConcurrencyException.class) == null) {
                    throw e;
                }
                pause(attempt);
            }
        }
        Response.ResponseBuilder r = Response.status(o.answer().status()).type(MediaType.APPLICATION_JSON_TYPE).entity(o.answer().body());
        return o.replayed() ? r.header(REPLAYED, "true").build() : r.build();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha256(String head, byte[] content) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(head.getBytes(StandardCharsets.UTF_8));
            d.update(content);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
