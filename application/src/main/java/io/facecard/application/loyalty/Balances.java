package io.facecard.application.loyalty;

import io.facecard.application.loyalty.port.Ledger;
import io.facecard.application.loyalty.port.LoyaltyTerms;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.application.membership.port.MemberAccess;
import io.facecard.application.problem.Validation;
import io.facecard.application.security.Caller;
import io.facecard.domain.loyalty.BonusAccountId;
import io.facecard.domain.loyalty.LoyaltyCommands.AdjustPoints;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** A member's balance, statement and manual adjustments. */
@ApplicationScoped
@Transactional
public class Balances implements LoyaltyTerms {
    public record Summary(long available, long pending, long held, List<Ledger.Expiring> expiring, String tier) {}

    private CommandGateway commands;
    private MemberAccess members;
    private Ledger ledger;
    private Programs programs;
    private Clock clock;

    protected Balances() {}

    @Inject
    public Balances(CommandGateway commands, MemberAccess members, Ledger ledger, Programs programs, Clock clock) {
        this.commands = commands;
        this.members = members;
        this.ledger = ledger;
        this.programs = programs;
        this.clock = clock;
    }

    public Summary balance(Caller caller, MemberId member) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        members.get(caller, member);
        return summary(tenant, member, clock.instant());
    }

    public List<Ledger.Entry> statement(Caller caller, MemberId member, int offset, int limit) {
        TenantId tenant = MemberAccess.PERMIT.tenantOf(caller);
        members.get(caller, member);
        return ledger.statement(tenant, member, offset, limit);
    }

    public Summary adjust(Caller caller, MemberId member, Long points, String reason) {
        TenantId tenant = ProgramSettings.ADMIN.tenantOf(caller);
        if (members.get(caller, member).erased()) {
            throw new Refusal(MembershipRule.MEMBER_ERASED, "the member has been erased");
        }
        if (points == null || points == 0 || Math.abs(points) > 100_000_000L) {
            throw Refusal.invalid("'points' must be a non-zero whole number of at most 100000000 either way");
        }
        String why = Validation.requiredText(reason, "reason", 500);
        Instant now = clock.instant();
        LoyaltyProgram p = program(tenant);
        UUID entry = UUID.randomUUID();
        commands.sendAndWait(new AdjustPoints(BonusAccountId.of(member), tenant, member, entry, points,
                p.expiry().expiresAt(now, programs.terms(tenant).zone()), why, caller.actor(), now));
        return summary(tenant, member, now);
    }

    Summary summary(TenantId tenant, MemberId member, Instant now) {
        Ledger.Balance b = ledger.balance(tenant, member, now);
        return new Summary(b.available(), b.pending(), b.held(), b.expiring(),
                tier(tenant, member, program(tenant), now).map(LoyaltyProgram.Tier::name).orElse(null));
    }

    @Override
    public LoyaltyProgram program(TenantId tenant) {
        return programs.find(tenant).orElse(LoyaltyProgram.DEFAULT);
    }

    /** Tiers are measured on the rolling last 12 months; falling below a threshold downgrades by itself. */
    @Override
    public Optional<LoyaltyProgram.Tier> tier(TenantId tenant, MemberId member, LoyaltyProgram p, Instant now) {
        if (p.tiers().isEmpty()) {
            return Optional.empty();
        }
        return p.tierFor(ledger.spend(tenant, member, now.atZone(ZoneOffset.UTC).minusMonths(12).toInstant()));
    }
}
