package io.facecard.adapters.in.http;

import io.facecard.domain.refusal.Refusal;
import java.util.UUID;

/** Small guards shared by the resources. */
final class Bodies {
    private Bodies() {}

    static <T> T required(T body) {
        if (body == null) {
            throw Refusal.invalid("a JSON body is required");
        }
        return body;
    }

    /** A malformed id cannot name anything: it answers like an unknown one. */
    static UUID id(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound(what + " " + raw);
        }
    }
}
