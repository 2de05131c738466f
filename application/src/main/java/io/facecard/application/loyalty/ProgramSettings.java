package io.facecard.application.loyalty;

import io.facecard.application.loyalty.port.Programs;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Permit;
import io.facecard.application.security.Role;
import io.facecard.domain.loyalty.LoyaltyProgram.Expiry;
import io.facecard.domain.loyalty.LoyaltyProgram.ExpiryPolicy;
import io.facecard.domain.loyalty.LoyaltyProgram.Tier;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A tenant's earning rules and tiers (TENANT_ADMIN); a tenant without one earns by the default. */
@ApplicationScoped
@Transactional
public class ProgramSettings {
    static final Permit ADMIN = new Permit(Set.of(Role.TENANT_ADMIN), Set.of());
    static final Permit READ = new Permit(Set.of(Role.TENANT_ADMIN, Role.MARKETER, Role.STORE_MANAGER), Set.of());

    /** The body as sent, every field optional until checked. */
    public record Draft(BigDecimal pointsPerCurrencyUnit, Map<String, BigDecimal> categoryMultipliers, BigDecimal pointValue,
            BigDecimal maxRedeemShare, Integer pendingDays, ExpiryPolicy expiryPolicy, Integer expiryDays, List<Tier> tiers,
            Integer holdSeconds) {}

    private Programs programs;
    private Clock clock;

    protected ProgramSettings() {}

    @Inject
    public ProgramSettings(Programs programs, Clock clock) {
        this.programs = programs;
        this.clock = clock;
    }

    public LoyaltyProgram get(Caller caller) {
        return programs.find(READ.tenantOf(caller)).orElse(LoyaltyProgram.DEFAULT);
    }

    public LoyaltyProgram put(Caller caller, Draft d) {
        TenantId tenant = ADMIN.tenantOf(caller);
        LoyaltyProgram p = valid(d);
        programs.save(tenant, p, caller.actor(), clock.instant());
        return p;
    }

    static LoyaltyProgram valid(Draft d) {
        BigDecimal ppu = positive(d.pointsPerCurrencyUnit(), "pointsPerCurrencyUnit", true);
        BigDecimal value = positive(d.pointValue(), "pointValue", false);
        BigDecimal share = d.maxRedeemShare();
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw Refusal.invalid("'maxRedeemShare' is required, between 0 and 1");
        }
        int pending = d.pendingDays() == null ? 0 : d.pendingDays();
        if (pending < 0 || pending > 366) {
            throw Refusal.invalid("'pendingDays' must be between 0 and 366");
        }
        ExpiryPolicy policy = d.expiryPolicy() == null ? ExpiryPolicy.NEVER : d.expiryPolicy();
        if (policy == ExpiryPolicy.DAYS && (d.expiryDays() == null || d.expiryDays() < 1 || d.expiryDays() > 36600)) {
            throw Refusal.invalid("'expiry.days' is required for the DAYS policy, between 1 and 36600");
        }
        Map<String, BigDecimal> categories = d.categoryMultipliers() == null ? Map.of() : d.categoryMultipliers();
        if (categories.size() > 500) {
            throw Refusal.invalid("at most 500 category multipliers");
        }
        categories.forEach((k, v) -> {
            if (k == null || k.isBlank() || k.length() > 100) {
                throw Refusal.invalid("category names in 'categoryMultipliers' must be 1-100 characters");
            }
            positive(v, "categoryMultipliers." + k, true);
        });
        List<Tier> tiers = d.tiers() == null ? List.of() : d.tiers();
        Set<String> names = new HashSet<>();
        for (Tier t : tiers) {
            if (t == null || t.name() == null || t.name().isBlank() || t.name().length() > 64 || !names.add(t.name())) {
                throw Refusal.invalid("every tier needs a unique 'name' of 1-64 characters");
            }
            if (t.minSpend() == null || t.minSpend().signum() < 0) {
                throw Refusal.invalid("tier '" + t.name() + "' needs a 'minSpend' of 0 or more");
            }
            positive(t.multiplier(), "tiers." + t.name() + ".multiplier", false);
        }
        if (tiers.size() > 20) {
            throw Refusal.invalid("at most 20 tiers");
        }
        int hold = d.holdSeconds() == null ? LoyaltyProgram.DEFAULT.holdSeconds() : d.holdSeconds();
        if (hold < 1 || hold > 86_400) {
            throw Refusal.invalid("'holdSeconds' must be between 1 and 86400");
        }
        return new LoyaltyProgram(ppu, categories, value, share, pending,
                new Expiry(policy, policy == ExpiryPolicy.DAYS ? d.expiryDays() : null), tiers, hold);
    }

    private static BigDecimal positive(BigDecimal v, String field, boolean zeroAllowed) {
        if (v == null || v.signum() < 0 || (!zeroAllowed && v.signum() == 0) || v.compareTo(new BigDecimal("1000000")) > 0
                || v.scale() > 6) {
            throw Refusal.invalid("'" + field + "' is required: a number " + (zeroAllowed ? "from 0" : "above 0")
                    + " up to 1000000 with at most 6 decimals");
        }
        return v;
    }
}
