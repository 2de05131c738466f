package io.facecard.application.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.checkout.port.Checkouts.CheckoutView;
import io.facecard.application.checkout.port.Checkouts;
import io.facecard.application.membership.port.MemberDirectory;
import io.facecard.application.payment.port.PaymentGateway;
import io.facecard.application.payment.port.PaymentGateways;
import io.facecard.application.payment.port.PaymentSettings;
import io.facecard.application.payment.port.PaymentSettingsStore;
import io.facecard.application.payment.port.Payments.PaymentView;
import io.facecard.application.payment.port.Payments;
import io.facecard.application.payment.port.ProviderAccounts;
import io.facecard.application.payment.port.SavedCards;
import io.facecard.application.problem.IdempotencyRule;
import io.facecard.application.security.Caller;
import io.facecard.application.security.TerminalKind;
import io.facecard.application.support.Stub;
import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.checkout.CheckoutRule;
import io.facecard.domain.payment.PaymentId;
import io.facecard.domain.payment.PaymentMethod;
import io.facecard.domain.payment.PaymentProvider;
import io.facecard.domain.payment.PaymentRule;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idempotency, the till's own checkout and the policy's refusals of a face-pay request, over in-memory ports. */
class PaymentChecksTest {
    static final TenantId T = new TenantId(new UUID(1, 1));
    static final UUID STORE = new UUID(3, 1);
    static final UUID CHECKOUT = new UUID(4, 1);
    static final Caller TILL = new Caller.Terminal(T, STORE, new UUID(5, 1), TerminalKind.POS);
    static final Caller OTHER_STORES_TILL = new Caller.Terminal(T, new UUID(3, 2), new UUID(5, 2), TerminalKind.POS);

    final Map<UUID, PaymentView> stored = new HashMap<>();
    final List<PaymentRecords.Intent> recorded = new ArrayList<>();
    final PaymentRecords records = new PaymentRecords() {
        @Override
        public PaymentView begin(TenantId tenant, CheckoutView checkout, PaymentId id, Intent intent, PaymentSettings settings) {
            recorded.add(intent);
            PaymentView v = new PaymentView(id.value(), checkout.id(), null, intent.method(), intent.amount(), checkout.currency(), "PENDING",
                    null, intent.fingerprint(), null, Instant.EPOCH, Instant.EPOCH, List.of());
            stored.put(id.value(), v);
            return v;
        }
    };
    final PaymentChecks checks = new PaymentChecks(
            Stub.of(Checkouts.class, Map.of("find", a -> Optional.of(checkout((UUID) a[1])))),
            Stub.of(Payments.class, Map.of("find", a -> Optional.ofNullable(stored.get((UUID) a[1])))),
            records,
            Stub.of(PaymentGateways.class, Map.of("of", a -> Optional.of(Stub.of(PaymentGateway.class, Map.of())))),
            Stub.of(ProviderAccounts.class, Map.of("find", a -> Optional.of(new ProviderAccounts.Account((PaymentProvider) a[1], Map.of(),
                    Map.of(), "w", Instant.EPOCH)))),
            Stub.of(PaymentSettingsStore.class, Map.of("of", a -> PaymentSettings.DEFAULT)),
            Stub.of(SavedCards.class, Map.of()),
            Stub.of(MemberDirectory.class, Map.of()),
            null);

    static CheckoutView checkout(UUID id) {
        return new CheckoutView(id, STORE, new UUID(5, 1), "IDENTIFIED", "CNY", List.of(), new BigDecimal("80.00"), null, 0,
                BigDecimal.ZERO, null, 0, 0, BigDecimal.ZERO);
    }

    static TillPayment wechat(String amount) {
        return new TillPayment(PaymentMethod.WECHAT_PAY, new BigDecimal(amount), "134567890123456789", false);
    }

    @Test
    void theIntentIsRecordedOnceUnderTheKeyAndARetryGetsTheSamePayment() {
        PaymentChecks.Begun first = checks.begin(TILL, CHECKOUT, "key-1", wechat("12.5"));
        assertThat(first.id()).isEqualTo(PaymentId.of(T, new CheckoutId(CHECKOUT), "key-1"));
        assertThat(recorded).singleElement().satisfies(i -> assertThat(i.amount()).isEqualByComparingTo("12.50"));
        assertThat(recorded.get(0).amount().scale()).isEqualTo(2);
        PaymentChecks.Begun retry = checks.begin(TILL, CHECKOUT, "key-1", wechat("12.50"));
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(recorded).as("a retry records nothing").hasSize(1);
    }

    @Test
    void aKeyUsedForAnotherPaymentIsRefused() {
        checks.begin(TILL, CHECKOUT, "key-1", wechat("12.50"));
        assertThatThrownBy(() -> checks.begin(TILL, CHECKOUT, "key-1", wechat("13.00")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(IdempotencyRule.KEY_REUSED));
        assertThat(recorded).hasSize(1);
    }

    @Test
    void aPaymentNeedsAVisibleKey() {
        assertThatThrownBy(() -> checks.begin(TILL, CHECKOUT, null, wechat("1.00")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(IdempotencyRule.KEY_REQUIRED));
        assertThatThrownBy(() -> checks.begin(TILL, CHECKOUT, "two words", wechat("1.00"))).isInstanceOf(Refusal.class)
                .hasMessageContaining("visible ASCII");
        assertThat(recorded).isEmpty();
    }

    @Test
    void anotherStoresCheckoutIsNotFound() {
        assertThatThrownBy(() -> checks.begin(OTHER_STORES_TILL, CHECKOUT, "key-1", wechat("1.00"))).isInstanceOf(Refusal.class)
                .hasMessageContaining("not found");
        assertThat(recorded).isEmpty();
    }

    @Test
    void thePolicysRefusalsAreWordedUnderTheRulesTheContractNames() {
        assertThatThrownBy(() -> checks.begin(TILL, CHECKOUT, "key-2", wechat("100.01")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(CheckoutRule.PAYMENT_AMOUNT))
                .hasMessageContaining("at most 100 CNY");
        assertThatThrownBy(() -> checks.begin(TILL, CHECKOUT, "key-3", new TillPayment(PaymentMethod.STRIPE_FACE, BigDecimal.TEN, null,
                false))).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.rule()).isEqualTo(PaymentRule.NOT_CONFIRMED));
        assertThat(recorded).isEmpty();
    }
}
