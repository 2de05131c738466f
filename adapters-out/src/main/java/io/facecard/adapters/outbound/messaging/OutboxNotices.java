package io.facecard.adapters.outbound.messaging;

import io.facecard.application.messaging.port.ChannelBindings;
import io.facecard.application.messaging.port.ServiceNotices;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.delivery.Delivery;
import io.facecard.marketing.port.Notice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The application's service notices, queued in marketing-engine's outbox in the caller's transaction. */
@ApplicationScoped
public class OutboxNotices implements ServiceNotices {
    @Inject
    Delivery delivery;
    @Inject
    ChannelBindings bindings;

    /**
     * A member without an active binding has nowhere to receive it: one indexed read instead of a
     * row the dispatcher would only block (most members of a chain never bind a messenger).
     */
    @Override
    public void notify(TenantId tenant, MemberId member, String type, Map<String, String> fields, String key) {
        if (bindings.reachable(tenant, member)) {
            delivery.queue(new Notice(tenant, member, type, Notice.Kind.SERVICE, fields, key));
        }
    }
}
