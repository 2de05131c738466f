package io.facecard.domain.checkout;

import io.facecard.domain.checkout.Basket.ReceiptLine;
import io.facecard.domain.checkout.CheckoutCommands.ReturnLines;
import io.facecard.domain.checkout.CheckoutCommands.Returned;
import io.facecard.domain.checkout.CheckoutEvents.LinesReturnedEvent;
import io.facecard.domain.checkout.CheckoutEvents.ReceiptIssuedEvent;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiptTest {
    static final TenantId TENANT = new TenantId(UUID.randomUUID());
    static final MemberId MEMBER = new MemberId(UUID.randomUUID());
    static final ReceiptId ID = ReceiptId.of(TENANT, "R-1");
    static final UUID LOT = UUID.randomUUID();
    static final UUID R1 = UUID.randomUUID();
    static final UUID R2 = UUID.randomUUID();
    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    AggregateTestFixture<Receipt> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Receipt.class);
    }

    /** 3 units for 30.00, of which 6.00 paid with points: 24.00 paid, 7 points earned, 60 redeemed. */
    static ReceiptIssuedEvent issued() {
        return new ReceiptIssuedEvent(TENANT, ID, "R-1", MEMBER, null, UUID.randomUUID(), "EUR",
                List.of(new ReceiptLine("A", null, new BigDecimal("3"), new BigDecimal("30.00"), 7, 60)),
                new BigDecimal("30.00"), new BigDecimal("24.00"), LOT, 7, 60, T, T);
    }

    @Test
    void returningEveryUnitInStepsReversesExactlyWhatWasEarned() {
        LinesReturnedEvent first = new LinesReturnedEvent(TENANT, ID, "R-1", MEMBER, R1, List.of(new Returned("A", BigDecimal.ONE)),
                new BigDecimal("8.00"), 2, 20, T);
        fixture.given(issued(), first)
                .when(new ReturnLines(ID, R2, List.of(new Returned("A", new BigDecimal("2"))), T))
                .expectEvents(new LinesReturnedEvent(TENANT, ID, "R-1", MEMBER, R2, List.of(new Returned("A", new BigDecimal("2"))),
                        new BigDecimal("16.00"), 5, 40, T))
                .expectResultMessagePayload(new Receipt.ReturnOutcome(MEMBER, LOT, 5, 40, new BigDecimal("16.00"), null, new BigDecimal("24.00"), true));
    }

    @Test
    void aPartialReturnLeavesTheReceiptNotWhollyReturned() {
        fixture.given(issued())
                .when(new ReturnLines(ID, R1, List.of(new Returned("A", BigDecimal.ONE)), T))
                .expectResultMessagePayload(new Receipt.ReturnOutcome(MEMBER, LOT, 2, 20, new BigDecimal("8.00"), null, new BigDecimal("24.00"),
                        false));
    }

    @Test
    void moreThanWasBoughtCannotBeReturned() {
        fixture.given(issued())
                .when(new ReturnLines(ID, R1, List.of(new Returned("A", new BigDecimal("2")), new Returned("A", new BigDecimal("2"))), T))
                .expectException(Refusal.class)
                .expectExceptionMessage("only 3 of sku 'A' can still be returned");
    }

    @Test
    void aSkuNotOnTheReceiptIsRefused() {
        fixture.given(issued())
                .when(new ReturnLines(ID, R1, List.of(new Returned("B", BigDecimal.ONE)), T))
                .expectException(Refusal.class);
    }
}
