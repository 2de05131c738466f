package io.facecard.marketing.delivery;

import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.MarketingTerms;
import io.facecard.marketing.port.NoticeTemplates.Template;
import io.facecard.marketing.port.NoticeTemplates;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A tenant's marketing terms and notice templates as the dispatcher reads them: at most every 5 s
 * per replica, not once per message (a changed template is in use within 5 s).
 */
final class TenantRules {
    /** How stale a replica's copy of a tenant's rules may be. */
    static final Duration TTL = Duration.ofSeconds(5);
    private static final long TTL_NANOS = TTL.toNanos();

    private record Cached<T>(T value, long until) {}

    private final MarketingTerms terms;
    private final NoticeTemplates templates;
    private static final ConcurrentHashMap<TenantId, Long> CHANGED = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TenantId, Cached<ChannelPolicy>> policies = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached<Optional<Template>>> own = new ConcurrentHashMap<>();

    TenantRules(MarketingTerms terms, NoticeTemplates templates) {
        this.terms = terms;
        this.templates = templates;
    }

    ChannelPolicy policy(TenantId tenant) {
        Cached<ChannelPolicy> hit = policies.get(tenant);
        Long changed = CHANGED.get(tenant);
        if (hit != null && changed != null && changed - (hit.until() - TTL_NANOS) > 0) {
            policies.remove(tenant, hit); // read before this replica changed the terms
        }
        return cached(policies, tenant, () -> new ChannelPolicy(terms.find(tenant).orElse(MarketingTerms.Terms.DEFAULT).window()));
    }

    /**
     * This replica changed the tenant's terms: its dispatchers read them again at once (other replicas within the TTL,
     * which is why a change makes held messages due one TTL later).
     */
    static void changed(TenantId tenant) {
        // Marked a second ahead: the change commits after this call, and a copy read before the commit is stale too.
        CHANGED.put(tenant, System.nanoTime() + 1_000_000_000L);
    }

    Optional<Template> template(TenantId tenant, String kind, String channel) {
        return cached(own, tenant.value() + "/" + kind + "/" + channel, () -> templates.find(tenant, kind, channel));
    }

    private static <K, T> T cached(ConcurrentHashMap<K, Cached<T>> map, K key, Supplier<T> load) {
        long now = System.nanoTime();
        Cached<T> hit = map.get(key);
        if (hit != null && hit.until() - now > 0) {
            return hit.value();
        }
        T value = load.get();
        map.put(key, new Cached<>(value, now + TTL_NANOS));
        return value;
    }
}
