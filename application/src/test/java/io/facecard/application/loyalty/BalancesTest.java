package io.facecard.application.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.loyalty.port.Ledger;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.application.membership.InMemoryMembership;
import io.facecard.application.membership.Members;
import io.facecard.application.membership.port.PersonalData;
import io.facecard.application.security.Caller;
import io.facecard.application.security.Role;
import io.facecard.application.support.RecordingCommands;
import io.facecard.domain.loyalty.LoyaltyCommands.AdjustPoints;
import io.facecard.domain.loyalty.LoyaltyProgram;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.membership.MembershipRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A member's balance, tier and manual adjustments, over in-memory ports: what the use case decides, not how it is stored. */
class BalancesTest {
    static final TenantId CHAIN = new TenantId(new UUID(1, 1));
    static final TenantId OTHER = new TenantId(new UUID(1, 2));
    static final Instant NOW = InMemoryMembership.at();

    final InMemoryMembership directory = new InMemoryMembership();
    final RecordingCommands commands = new RecordingCommands(directory::handle);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Members members = directory.members(commands, clock);
    final InMemoryLedger ledger = new InMemoryLedger();
    final InMemoryPrograms programs = new InMemoryPrograms();
    final Balances balances = new Balances(commands, members, ledger, programs, clock);

    static Caller admin(TenantId tenant) {
        return new Caller.Staff(tenant, new UUID(2, 1), "admin", Set.of(Role.TENANT_ADMIN));
    }

    static Caller cashier(TenantId tenant) {
        return new Caller.Staff(tenant, new UUID(2, 2), "cashier", Set.of(Role.CASHIER));
    }

    MemberId member() {
        return members.register(admin(CHAIN), new PersonalData("Anna", null, null, null, null, null, null)).id();
    }

    @Test
    void anAdjustmentIsOneCommandWithTheProgramsExpiryInTheTenantsZone() {
        programs.program = new LoyaltyProgram(BigDecimal.ONE, Map.of(), new BigDecimal("0.01"), new BigDecimal("0.5"), 0,
                new LoyaltyProgram.Expiry(LoyaltyProgram.ExpiryPolicy.END_OF_YEAR, null), List.of(), 900);
        MemberId m = member();
        balances.adjust(admin(CHAIN), m, 250L, "welcome");
        AdjustPoints sent = (AdjustPoints) commands.sent.get(commands.sent.size() - 1);
        assertThat(sent.points()).isEqualTo(250);
        assertThat(sent.tenantId()).isEqualTo(CHAIN);
        assertThat(sent.expiresAt()).as("the end of the year in Berlin").isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
    }

    @Test
    void onlyAnAdminAdjustsAndOnlyByAWholeNonZeroAmountWithAReason() {
        MemberId m = member();
        int before = commands.sent.size();
        assertThatThrownBy(() -> balances.adjust(cashier(CHAIN), m, 10L, "goodwill")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> balances.adjust(admin(CHAIN), m, 0L, "nothing")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> balances.adjust(admin(CHAIN), m, 100_000_001L, "too much")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> balances.adjust(admin(CHAIN), m, 10L, " ")).isInstanceOf(Refusal.class);
        assertThat(commands.sent).as("nothing was sent").hasSize(before);
    }

    @Test
    void anErasedMemberIsNotAdjustedAndAnotherTenantsMemberIsNotFound() {
        MemberId m = member();
        members.erase(admin(CHAIN), m);
        assertThatThrownBy(() -> balances.adjust(admin(CHAIN), m, 10L, "late"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(MembershipRule.MEMBER_ERASED));
        MemberId anna = member();
        assertThatThrownBy(() -> balances.balance(admin(OTHER), anna)).isInstanceOf(Refusal.class).hasMessageContaining("not found");
    }

    @Test
    void theTierIsMeasuredOnTheLastTwelveMonthsOfSpend() {
        programs.program = new LoyaltyProgram(BigDecimal.ONE, Map.of(), new BigDecimal("0.01"), new BigDecimal("0.5"), 0,
                new LoyaltyProgram.Expiry(LoyaltyProgram.ExpiryPolicy.NEVER, null),
                List.of(new LoyaltyProgram.Tier("Gold", new BigDecimal("500"), new BigDecimal("1.5"))), 900);
        MemberId m = member();
        ledger.balance = new Ledger.Balance(120, 30, 0, List.of());
        ledger.spend = new BigDecimal("499.99");
        assertThat(balances.balance(admin(CHAIN), m).tier()).isNull();
        ledger.spend = new BigDecimal("500");
        Balances.Summary s = balances.balance(admin(CHAIN), m);
        assertThat(s.tier()).isEqualTo("Gold");
        assertThat(s.available()).isEqualTo(120);
        assertThat(s.pending()).isEqualTo(30);
        assertThat(ledger.spendSince).as("twelve months back").isEqualTo(Instant.parse("2025-12-01T09:00:00Z"));
    }

    static final class InMemoryLedger implements Ledger {
        Balance balance = new Balance(0, 0, 0, List.of());
        BigDecimal spend = BigDecimal.ZERO;
        Instant spendSince;

        @Override
        public Balance balance(TenantId tenant, MemberId member, Instant now) {
            return balance;
        }

        @Override
        public long available(TenantId tenant, MemberId member, Instant now) {
            return balance.available();
        }

        @Override
        public List<Entry> statement(TenantId tenant, MemberId member, int offset, int limit) {
            return List.of();
        }

        @Override
        public BigDecimal spend(TenantId tenant, MemberId member, Instant since) {
            spendSince = since;
            return spend;
        }

        @Override
        public boolean receiptExists(TenantId tenant, String receiptNumber) {
            return false;
        }
    }

    static final class InMemoryPrograms implements Programs {
        LoyaltyProgram program;
        final Map<TenantId, LoyaltyProgram> saved = new HashMap<>();

        @Override
        public Optional<LoyaltyProgram> find(TenantId tenant) {
            return Optional.ofNullable(program);
        }

        @Override
        public void save(TenantId tenant, LoyaltyProgram p, String actor, Instant at) {
            saved.put(tenant, p);
        }

        @Override
        public TenantTerms terms(TenantId tenant) {
            return new TenantTerms("EUR", ZoneId.of("Europe/Berlin"));
        }
    }
}
