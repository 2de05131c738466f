package io.facecard.application.messaging.port;

import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.util.Map;

/**
 * Port out: a service notice to a member (a receipt, a welcome), written to the delivery outbox in
 * the caller's transaction, so it leaves exactly when the fact behind it is committed.
 *
 * @param key makes the notice once: the same key queues nothing more (a retried checkout)
 */
public interface ServiceNotices {
    void notify(TenantId tenant, MemberId member, String type, Map<String, String> fields, String key);
}
