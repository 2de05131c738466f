package io.facecard.marketing.segments;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.Audiences;
import io.facecard.marketing.port.CampaignStore;
import io.facecard.marketing.port.Condition;
import io.facecard.marketing.port.SegmentStore.Segment;
import io.facecard.marketing.port.SegmentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** A marketer's segments: saved condition trees, previewed (size and a sample of ids) while edited. */
@ApplicationScoped
@Transactional
public class Segments {
    public static final Permit MARKETING = new Permit(Set.of(Role.MARKETER, Role.TENANT_ADMIN), Set.of());
    static final int SAMPLE = 10;

    /** The segments a tenant may have. */
    static final int MAX_SEGMENTS = 1000;

    private SegmentStore store;
    private Audiences audiences;
    private Clock clock;
    private CampaignStore campaigns;

    protected Segments() {}

    @Inject
    public Segments(SegmentStore store, Audiences audiences, Clock clock, CampaignStore campaigns) {
        this.store = store;
        this.audiences = audiences;
        this.clock = clock;
        this.campaigns = campaigns;
    }

    public Segment create(Caller caller, String name, Map<String, Object> condition) {
        TenantId tenant = MARKETING.tenantOf(caller);
        if (store.list(tenant).size() >= MAX_SEGMENTS) {
            throw Refusal.invalid("a tenant has at most " + MAX_SEGMENTS + " segments");
        }
        Instant now = clock.instant();
        Segment s = new Segment(UUID.randomUUID(), name(name), condition, refersTo(tenant, condition), now, now);
        store.save(tenant, s);
        return s;
    }

    public Segment change(Caller caller, UUID id, String name, Map<String, Object> condition) {
        TenantId tenant = MARKETING.tenantOf(caller);
        Segment s = get(tenant, id);
        Map<String, Object> tree = condition == null ? s.condition() : condition;
        Set<UUID> refers = refersTo(tenant, tree);
        if (reaches(tenant, refers, id)) {
            throw ConditionParser.bad("", "this segment would include itself through the segments it names");
        }
        Segment next = new Segment(id, name == null ? s.name() : name(name), tree, refers, s.createdAt(), clock.instant());
        store.save(tenant, next);
        return next;
    }

    public Segment get(Caller caller, UUID id) {
        return get(MARKETING.tenantOf(caller), id);
    }

    public List<Segment> list(Caller caller) {
        return store.list(MARKETING.tenantOf(caller));
    }

    public void delete(Caller caller, UUID id) {
        TenantId tenant = MARKETING.tenantOf(caller);
        get(tenant, id);
        List<UUID> users = store.referrers(tenant, id);
        if (!users.isEmpty()) {
            throw new Refusal(SegmentRule.SEGMENT_IN_USE, "segments " + users + " name this one; change them first");
        }
        if (campaigns.usesSegment(tenant, id.toString())) {
            throw new Refusal(SegmentRule.SEGMENT_IN_USE, "a campaign that has not completed sends to this segment");
        }
        store.delete(tenant, id);
    }

    public Audiences.Preview preview(Caller caller, Map<String, Object> condition) {
        TenantId tenant = MARKETING.tenantOf(caller);
        return audiences.preview(tenant, parser(tenant).parse(condition), resolver(tenant), clock.instant(), SAMPLE);
    }

    public Audiences.Preview preview(Caller caller, UUID id) {
        TenantId tenant = MARKETING.tenantOf(caller);
        return audiences.preview(tenant, condition(tenant, id), resolver(tenant), clock.instant(), SAMPLE);
    }

    /** A saved segment's tree, parsed (for campaigns: evaluated when they send). */
    public Condition condition(TenantId tenant, UUID id) {
        return parser(tenant).parse(get(tenant, id).condition());
    }

    public Function<String, Condition> resolver(TenantId tenant) {
        return sid -> condition(tenant, UUID.fromString(sid));
    }

    public Condition parse(TenantId tenant, Map<String, Object> condition) {
        return parser(tenant).parse(condition);
    }

    private ConditionParser parser(TenantId tenant) {
        return new ConditionParser(sid -> {
            try {
                return store.find(tenant, UUID.fromString(sid)).isPresent();
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    private Segment get(TenantId tenant, UUID id) {
        return store.find(tenant, id).orElseThrow(() -> Refusal.notFound("segment " + id));
    }

    /** Parses the tree (a bad one is refused here) and names the segments it refers to. */
    private Set<UUID> refersTo(TenantId tenant, Map<String, Object> condition) {
        Condition c = parser(tenant).parse(condition);
        Set<UUID> out = new HashSet<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, Set<UUID> out) {
        if (c instanceof Condition.And a) {
            a.all().forEach(x -> collect(x, out));
        } else if (c instanceof Condition.Or o) {
            o.any().forEach(x -> collect(x, out));
        } else if (c instanceof Condition.Not n) {
            collect(n.negated(), out);
        } else if (c instanceof Condition.SegmentRef s) {
            out.add(UUID.fromString(s.segmentId()));
        }
    }

    /** Whether following references from {@code start} ever arrives at {@code target}. */
    private boolean reaches(TenantId tenant, Set<UUID> start, UUID target) {
        ArrayDeque<UUID> todo = new ArrayDeque<>(start);
        Set<UUID> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            UUID s = todo.pop();
            if (s.equals(target)) {
                return true;
            }
            if (seen.add(s)) {
                store.find(tenant, s).ifPresent(x -> todo.addAll(x.refersTo()));
            }
        }
        return false;
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Refusal.invalid("'name' must be 1 to 200 characters");
        }
        return name.strip();
    }
}
