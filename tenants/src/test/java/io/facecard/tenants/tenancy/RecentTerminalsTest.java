package io.facecard.tenants.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecard.application.security.Caller;
import io.facecard.application.security.TerminalKind;
import io.facecard.domain.refusal.Refusal;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.tenants.tenancy.port.Terminal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTerminalsTest {
    private long now = 0;
    private final RecentTerminals recent = new RecentTerminals(() -> now);
    private final AtomicInteger lookups = new AtomicInteger();
    private final Caller.Terminal till = new Caller.Terminal(TenantId.of(UUID.randomUUID().toString()), UUID.randomUUID(),
            UUID.randomUUID(), TerminalKind.POS);

    private Caller.Terminal lookup() {
        lookups.incrementAndGet();
        return till;
    }

    @Test
    void aKeyIsLookedUpOnceWithinItsTimeToLive() {
        assertThat(recent.get("h", this::lookup)).isEqualTo(till);
        now += RecentTerminals.TTL.toNanos() - 1;
        assertThat(recent.get("h", this::lookup)).isEqualTo(till);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aKeyIsLookedUpAgainOnceItsTimeToLiveHasPassed() {
        recent.get("h", this::lookup);
        now += RecentTerminals.TTL.toNanos();
        recent.get("h", this::lookup);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void forgettingMakesTheNextCallLookUpAgain() {
        recent.get("h", this::lookup);
        recent.forgetAll();
        recent.get("h", this::lookup);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aLookupOverlappingARevocationIsNotRemembered() {
        recent.get("h", () -> {
            recent.forgetAll(); // the revocation lands while this lookup still reads the old state
            return lookup();
        });
        assertThat(recent.remembered("h")).isEmpty();
    }

    @Test
    void aRefusedKeyIsNeverRemembered() {
        assertThatThrownBy(() -> recent.get("bad", () -> {
            throw Refusal.unauthenticated("the terminal key is unknown or revoked");
        })).isInstanceOf(Refusal.class);
        assertThat(recent.remembered("bad")).isEmpty();
        recent.get("bad", this::lookup);
        assertThat(lookups).hasValue(1);
    }
}
