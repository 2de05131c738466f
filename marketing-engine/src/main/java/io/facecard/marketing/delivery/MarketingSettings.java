package io.facecard.marketing.delivery;

import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.MarketingTerms.Terms;
import io.facecard.marketing.port.MarketingTerms;
import io.facecard.marketing.port.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** A tenant's marketing rules: read by marketers, set by the tenant admin; a partial change keeps the rest. */
@ApplicationScoped
@Transactional
public class MarketingSettings {
    static final Permit READ = new Permit(Set.of(Role.TENANT_ADMIN, Role.MARKETER), Set.of());
    static final Permit WRITE = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());
    /** The delivery side reads a member's marketing of the last 30 days: a longer cap window could not be kept. */
    static final int MAX_WINDOW_DAYS = 30;

    /** What a caller sends: any field left out stays as it was. */
    public record Change(String quietFrom, String quietUntil, Integer maxPerWindow, Integer windowDays, Integer pointsExpiringDays) {}

    private MarketingTerms terms;
    private Outbox outbox;
    private Clock clock;

    protected MarketingSettings() {}

    @Inject
    public MarketingSettings(MarketingTerms terms, Outbox outbox, Clock clock) {
        this.terms = terms;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Terms get(Caller caller) {
        return current(READ.tenantOf(caller));
    }

    public Terms change(Caller caller, Change c) {
        TenantId tenant = WRITE.tenantOf(caller);
        Terms t = current(tenant);
        Terms next = new Terms(time(c.quietFrom(), "quietFrom", t.quietFrom()), time(c.quietUntil(), "quietUntil", t.quietUntil()),
                within(c.maxPerWindow(), "maxPerWindow", 1, 100, t.maxPerWindow()),
                within(c.windowDays(), "windowDays", 1, MAX_WINDOW_DAYS, t.windowDays()),
                within(c.pointsExpiringDays(), "pointsExpiringDays", 1, 90, t.pointsExpiringDays()));
        Instant now = clock.instant();
        terms.save(tenant, next, now);
        TenantRules.changed(tenant);
        // What the old hours or cap held is decided again under the new ones, not at the old release time: as soon as
        // every replica's dispatcher reads the new terms (a copy read just before this change lives one TTL).
        outbox.releaseHeld(tenant, Set.of(ChannelPolicy.QUIET_HOURS, ChannelPolicy.FREQUENCY_CAP),
                now.plus(TenantRules.TTL).plusMillis(500));
        return next;
    }

    Terms current(TenantId tenant) {
        return terms.find(tenant).orElse(Terms.DEFAULT);
    }

    private static LocalTime time(String v, String field, LocalTime current) {
        if (v == null) {
            return current;
        }
        try {
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("'" + field + "' must be a time of day such as 22:00");
        }
    }

    private static int within(Integer v, String field, int min, int max, int current) {
        if (v == null) {
            return current;
        }
        if (v < min || v > max) {
            throw Refusal.invalid("'" + field + "' must be from " + min + " to " + max);
        }
        return v;
    }
}
