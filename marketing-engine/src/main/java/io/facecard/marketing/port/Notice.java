package io.facecard.marketing.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.util.Map;

/**
 * One message to one member: a service notice (receipt, welcome, points) or marketing. Which
 * channel carries it is decided when it is sent, by the member's bindings and the channel policy.
 *
 * @param key the same key queues it once (a retried checkout, a redelivered event)
 */
public record Notice(TenantId tenant, MemberId member, String type, Kind kind, Map<String, String> fields, String key) {
    public enum Kind { SERVICE, MARKETING }

    public Notice {
        fields = Map.copyOf(fields);
    }
}
