package io.facecard.adapters.inbound.http;

import io.facecard.domain.refusal.Refusal;
import java.util.UUID;

/** Small guards shared by the resources. */
public final class Bodies {
    private Bodies() {}

    public static <T> T required(T body) {
        if (body == null) {
            throw Refusal.invalid("a JSON body is required");
        }
        return body;
    }

    /** A malformed id cannot name anything: it answers like an unknown one. */
    public static UUID id(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound(what + " " + raw);
        }
    }
}
