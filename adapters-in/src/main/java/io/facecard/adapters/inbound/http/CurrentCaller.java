package io.facecard.adapters.inbound.http;

import io.facecard.application.security.Caller;
import io.facecard.domain.refusal.Refusal;
import jakarta.enterprise.context.RequestScoped;

/** The caller of this request, set once by {@link CallerFilter} from the credential. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public static final String NEEDS_CREDENTIAL = "this needs 'Authorization: Bearer <token or terminal key>'";

    /** The caller if this request has one yet, else null (telemetry asks after refusals too). */
    Caller peek() {
        return caller;
    }

    public Caller get() {
        if (caller == null) {
            throw Refusal.unauthenticated(NEEDS_CREDENTIAL);
        }
        return caller;
    }
}
