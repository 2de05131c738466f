package io.facecard.application.crm.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * Port in for the other contexts: something a tenant's CRM may want to hear happened. It joins the caller's
 * transaction, so an event is queued exactly when what it reports is stored; a repeat with the same
 * {@code sourceKey} (a replayed event) adds nothing.
 */
public interface CrmEvents {
    void happened(TenantId tenant, Happening h);

    /**
     * @param member    the member it is about (events about one member reach an endpoint in order), or null
     * @param sourceKey what makes it unique within the tenant: the event's id, a visit's id
     * @param data      ids, amounts and states only, never personal data (that is added at sending, where chosen)
     */
    record Happening(CrmEventType type, MemberId member, String sourceKey, Instant occurredAt, Map<String, Object> data) {}
}
