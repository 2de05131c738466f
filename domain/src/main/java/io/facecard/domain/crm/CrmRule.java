package io.facecard.domain.crm;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** What CRM sync refuses. */
public final class CrmRule {
    /** An endpoint must be reachable by the platform and not be the platform's own network (no SSRF). */
    public static final Rule ENDPOINT_URL = new Rule("webhook-url", Category.UNPROCESSABLE);
    /** A tenant keeps at most this many endpoints: each one multiplies every event. */
    public static final Rule TOO_MANY_ENDPOINTS = new Rule("too-many-webhook-endpoints", Category.CONFLICT);
    /** Only an ended delivery (delivered or failed) can be sent again. */
    public static final Rule NOT_REPLAYABLE = new Rule("delivery-not-replayable", Category.CONFLICT);

    private CrmRule() {}
}
