package io.facecard.domain.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's arithmetic on its own: no aggregate, no Axon. */
class LotsTest {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final UUID A = new UUID(0, 1);
    static final UUID B = new UUID(0, 2);
    static final UUID C = new UUID(0, 3);

    @Test
    void pendingAndExpiredLotsAreNotUsable() {
        Lots lots = Lots.NONE.plus(A, 100, T0, null)
                .plus(B, 50, T0.plus(Duration.ofDays(14)), null)
                .plus(C, 30, T0, T0.plus(Duration.ofDays(1)));
        assertThat(lots.usable(T0)).isEqualTo(130);
        assertThat(lots.usable(T0.plus(Duration.ofDays(1)))).isEqualTo(100);
        assertThat(lots.usable(T0.plus(Duration.ofDays(14)))).isEqualTo(150);
        assertThat(lots.total()).isEqualTo(180);
    }

    @Test
    void aDebitTakesTheOldestUsableLotsFirst() {
        Lots lots = Lots.NONE.plus(A, 40, T0, null).plus(B, 50, T0.plus(Duration.ofDays(14)), null).plus(C, 30, T0, null);
        Lots.Taking t = lots.take(60, T0, false);
        assertThat(t.fromLots()).containsExactly(Map.entry(A, 40L), Map.entry(C, 20L));
        assertThat(t.missing()).isZero();
        assertThat(lots.less(t.fromLots()).usable(T0)).isEqualTo(10);
    }

    @Test
    void aDebitBeyondWhatIsUsableSaysWhatIsMissing() {
        Lots lots = Lots.NONE.plus(A, 40, T0, null);
        assertThat(lots.take(55, T0, false).missing()).isEqualTo(15);
    }

    @Test
    void aCaptureMayUseAnExpiredLotItsHoldReserved() {
        Lots lots = Lots.NONE.plus(A, 40, T0, T0.plusSeconds(60));
        Instant later = T0.plusSeconds(120);
        assertThat(lots.take(40, later, false).missing()).isEqualTo(40);
        assertThat(lots.take(40, later, true).fromLots()).containsExactly(Map.entry(A, 40L));
    }

    @Test
    void expiryLeavesWhatHoldsStillNeedAndOtherLotsCannotCover() {
        Instant expiry = T0.plus(Duration.ofDays(1));
        // 100 expire; a hold of 30 is covered by 20 usable elsewhere, so 10 of the expiring lot stay.
        Lots lots = Lots.NONE.plus(A, 100, T0, expiry).plus(B, 20, T0, null);
        assertThat(lots.expiringAt(expiry, 30)).containsExactly(new Lots.Expiring(A, 90, expiry));
        assertThat(lots.expiringAt(expiry, 0)).containsExactly(new Lots.Expiring(A, 100, expiry));
        assertThat(lots.expiringAt(T0, 0)).isEmpty();
    }

    @Test
    void eachExpiringLotKeepsWhatTheHoldNeedsWhenNoUsableLotCoversIt() {
        Instant expiry = T0.plus(Duration.ofDays(1));
        // Neither lot is usable at the expiry, so each keeps the hold's 30 until the hold ends; the
        // decision after the capture or release expires the rest (nothing is lost, only kept longer).
        Lots lots = Lots.NONE.plus(A, 50, T0, expiry).plus(B, 50, T0, expiry);
        assertThat(lots.expiringAt(expiry, 30)).containsExactly(new Lots.Expiring(A, 20, expiry), new Lots.Expiring(B, 20, expiry));
    }

    @Test
    void aReturnTakesBackFromItsOwnLotFirstAndNeverWhatHoldsReserve() {
        Lots lots = Lots.NONE.plus(A, 40, T0, null).plus(B, 25, T0, null);
        Lots.Taking back = lots.takeBack(30, B, 0);
        assertThat(back.fromLots()).containsExactly(Map.entry(B, 25L), Map.entry(A, 5L));
        assertThat(back.missing()).isZero();
        Lots.Taking limited = lots.takeBack(60, B, 20);
        assertThat(limited.taken()).isEqualTo(45);
        assertThat(limited.missing()).isEqualTo(15);
    }

    @Test
    void emptiedLotsLeaveAndEqualHistoriesGiveEqualValues() {
        Lots lots = Lots.NONE.plus(A, 40, T0, null).plus(B, 25, T0, null);
        Lots after = lots.less(Map.of(A, 40L));
        assertThat(after).isEqualTo(Lots.NONE.plus(B, 25, T0, null));
        assertThat(after.expiryOf(A)).isEmpty();
        assertThat(after.total()).isEqualTo(25);
    }
}
